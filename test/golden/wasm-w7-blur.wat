      f64x2.splat
      local.set 267
      local.get 4
      f64x2.splat
      local.set 268
      local.get 5
      f64x2.splat
      local.set 269
      local.get 6
      f64x2.splat
      local.set 270
      local.get 7
      f64x2.splat
      local.set 271
      local.get 8
      f64x2.splat
      local.set 272
      local.get 9
      f64x2.splat
      local.set 273
      local.get 10
      f64x2.splat
      local.set 274
      local.get 11
      f64x2.splat
      local.set 275
      local.get 12
      f64x2.splat
      local.set 276
      local.get 13
      f64x2.splat
      local.set 277
      local.get 14
      f64x2.splat
      local.set 278
      local.get 15
      f64x2.splat
      local.set 279
      local.get 16
      f64x2.splat
      local.set 280
      local.get 17
      f64x2.splat
      local.set 281
      local.get 18
      f64x2.splat
      local.set 282
      local.get 19
      f64x2.splat
      local.set 283
      local.get 20
      f64x2.splat
      local.set 284
      local.get 21
      f64x2.splat
      local.set 285
      local.get 22
      f64x2.splat
      local.set 286
      local.get 23
      f64x2.splat
      local.set 287
      local.get 24
      f64x2.splat
      local.set 288
      local.get 25
      f64x2.splat
      local.set 289
      local.get 26
      f64x2.splat
      local.set 290
      local.get 27
      f64x2.splat
      local.set 291
      local.get 28
      f64x2.splat
      local.set 292
      local.get 29
      f64x2.splat
      local.set 293
      local.get 30
      f64x2.splat
      local.set 294
      local.get 31
      f64x2.splat
      local.set 295
      local.get 32
      f64x2.splat
      local.set 296
      local.get 33
      f64x2.splat
      local.set 297
      local.get 34
      f64x2.splat
      local.set 298
      local.get 35
      f64x2.splat
      local.set 299
      local.get 36
      f64x2.splat
      local.set 300
      local.get 37
      f64x2.splat
      local.set 301
      local.get 38
      f64x2.splat
      local.set 302
      local.get 39
      f64x2.splat
      local.set 303
      local.get 40
      f64x2.splat
      local.set 304
      local.get 41
      f64x2.splat
      local.set 305
      local.get 42
      f64x2.splat
      local.set 306
      local.get 43
      f64x2.splat
      local.set 307
      local.get 44
      f64x2.splat
      local.set 308
      local.get 45
      f64x2.splat
      local.set 309
      local.get 46
      f64x2.splat
      local.set 310
      local.get 47
      f64x2.splat
      local.set 311
      local.get 48
      f64x2.splat
      local.set 312
      local.get 49
      f64x2.splat
      local.set 313
      local.get 50
      f64x2.splat
      local.set 314
      local.get 51
      f64x2.splat
      local.set 315
      local.get 64
      i32.const 2
      i32.add
      local.get 266
      i32.le_s
      if
        local.get 64
        i32.const -3
        i32.add
        local.set 66
        local.get 59
        local.get 66
        i32.add
        local.set 67
        i32.const 1
        local.get 67
        i32.const 0
        i32.ge_s
        i32.and
        if
          block
            loop
              local.get 64
              i32.const 2
              i32.add
              local.get 266
              i32.gt_s
              br_if 1
              local.get 64
              i32.const -3
              i32.add
              local.set 66
              local.get 59
              local.get 66
              i32.add
              local.set 67
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=0
              local.set 316
              local.get 316
              local.get 267
              f64x2.mul
              local.set 317
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=8
              local.set 318
              local.get 318
              local.get 268
              f64x2.mul
              local.set 319
              local.get 317
              local.get 319
              f64x2.add
              local.set 320
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=16
              local.set 321
              local.get 321
              local.get 269
              f64x2.mul
              local.set 322
              local.get 320
              local.get 322
              f64x2.add
              local.set 323
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=24
              local.set 324
              local.get 324
              local.get 270
              f64x2.mul
              local.set 325
              local.get 323
              local.get 325
              f64x2.add
              local.set 326
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=32
              local.set 327
              local.get 327
              local.get 271
              f64x2.mul
              local.set 328
              local.get 326
              local.get 328
              f64x2.add
              local.set 329
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=40
              local.set 330
              local.get 330
              local.get 272
              f64x2.mul
              local.set 331
              local.get 329
              local.get 331
              f64x2.add
              local.set 332
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=48
              local.set 333
              local.get 333
              local.get 273
              f64x2.mul
              local.set 334
              local.get 332
              local.get 334
              f64x2.add
              local.set 335
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=128
              local.set 336
              local.get 336
              local.get 274
              f64x2.mul
              local.set 337
              local.get 335
              local.get 337
              f64x2.add
              local.set 338
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=136
              local.set 339
              local.get 339
              local.get 275
              f64x2.mul
              local.set 340
              local.get 338
              local.get 340
              f64x2.add
              local.set 341
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=144
              local.set 342
              local.get 342
              local.get 276
              f64x2.mul
              local.set 343
              local.get 341
              local.get 343
              f64x2.add
              local.set 344
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=152
              local.set 345
              local.get 345
              local.get 277
              f64x2.mul
              local.set 346
              local.get 344
              local.get 346
              f64x2.add
              local.set 347
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=160
              local.set 348
              local.get 348
              local.get 278
              f64x2.mul
              local.set 349
              local.get 347
              local.get 349
              f64x2.add
              local.set 350
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=168
              local.set 351
              local.get 351
              local.get 279
              f64x2.mul
              local.set 352
              local.get 350
              local.get 352
              f64x2.add
              local.set 353
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=176
              local.set 354
              local.get 354
              local.get 280
              f64x2.mul
              local.set 355
              local.get 353
              local.get 355
              f64x2.add
              local.set 356
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=256
              local.set 357
              local.get 357
              local.get 281
              f64x2.mul
              local.set 358
              local.get 356
              local.get 358
              f64x2.add
              local.set 359
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=264
              local.set 360
              local.get 360
              local.get 282
              f64x2.mul
              local.set 361
              local.get 359
              local.get 361
              f64x2.add
              local.set 362
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=272
              local.set 363
              local.get 363
              local.get 283
              f64x2.mul
              local.set 364
              local.get 362
              local.get 364
              f64x2.add
              local.set 365
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=280
              local.set 366
              local.get 366
              local.get 284
              f64x2.mul
              local.set 367
              local.get 365
              local.get 367
              f64x2.add
              local.set 368
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=288
              local.set 369
              local.get 369
              local.get 285
              f64x2.mul
              local.set 370
              local.get 368
              local.get 370
              f64x2.add
              local.set 371
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=296
              local.set 372
              local.get 372
              local.get 286
              f64x2.mul
              local.set 373
              local.get 371
              local.get 373
              f64x2.add
              local.set 374
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=304
              local.set 375
              local.get 375
              local.get 287
              f64x2.mul
              local.set 376
              local.get 374
              local.get 376
              f64x2.add
              local.set 377
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=384
              local.set 378
              local.get 378
              local.get 288
              f64x2.mul
              local.set 379
              local.get 377
              local.get 379
              f64x2.add
              local.set 380
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=392
              local.set 381
              local.get 381
              local.get 289
              f64x2.mul
              local.set 382
              local.get 380
              local.get 382
              f64x2.add
              local.set 383
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=400
              local.set 384
              local.get 384
              local.get 290
              f64x2.mul
              local.set 385
              local.get 383
              local.get 385
              f64x2.add
              local.set 386
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=408
              local.set 387
              local.get 387
              local.get 291
              f64x2.mul
              local.set 388
              local.get 386
              local.get 388
              f64x2.add
              local.set 389
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=416
              local.set 390
              local.get 390
              local.get 292
              f64x2.mul
              local.set 391
              local.get 389
              local.get 391
              f64x2.add
              local.set 392
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=424
              local.set 393
              local.get 393
              local.get 293
              f64x2.mul
              local.set 394
              local.get 392
              local.get 394
              f64x2.add
              local.set 395
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=432
              local.set 396
              local.get 396
              local.get 294
              f64x2.mul
              local.set 397
              local.get 395
              local.get 397
              f64x2.add
              local.set 398
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=512
              local.set 399
              local.get 399
              local.get 295
              f64x2.mul
              local.set 400
              local.get 398
              local.get 400
              f64x2.add
              local.set 401
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=520
              local.set 402
              local.get 402
              local.get 296
              f64x2.mul
              local.set 403
              local.get 401
              local.get 403
              f64x2.add
              local.set 404
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=528
              local.set 405
              local.get 405
              local.get 297
              f64x2.mul
              local.set 406
              local.get 404
              local.get 406
              f64x2.add
              local.set 407
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=536
              local.set 408
              local.get 408
              local.get 298
              f64x2.mul
              local.set 409
              local.get 407
              local.get 409
              f64x2.add
              local.set 410
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=544
              local.set 411
              local.get 411
              local.get 299
              f64x2.mul
              local.set 412
              local.get 410
              local.get 412
              f64x2.add
              local.set 413
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=552
              local.set 414
              local.get 414
              local.get 300
              f64x2.mul
              local.set 415
              local.get 413
              local.get 415
              f64x2.add
              local.set 416
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=560
              local.set 417
              local.get 417
              local.get 301
              f64x2.mul
              local.set 418
              local.get 416
              local.get 418
              f64x2.add
              local.set 419
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=640
              local.set 420
              local.get 420
              local.get 302
              f64x2.mul
              local.set 421
              local.get 419
              local.get 421
              f64x2.add
              local.set 422
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=648
              local.set 423
              local.get 423
              local.get 303
              f64x2.mul
              local.set 424
              local.get 422
              local.get 424
              f64x2.add
              local.set 425
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=656
              local.set 426
              local.get 426
              local.get 304
              f64x2.mul
              local.set 427
              local.get 425
              local.get 427
              f64x2.add
              local.set 428
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=664
              local.set 429
              local.get 429
              local.get 305
              f64x2.mul
              local.set 430
              local.get 428
              local.get 430
              f64x2.add
              local.set 431
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=672
              local.set 432
              local.get 432
              local.get 306
              f64x2.mul
              local.set 433
              local.get 431
              local.get 433
              f64x2.add
              local.set 434
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=680
              local.set 435
              local.get 435
              local.get 307
              f64x2.mul
              local.set 436
              local.get 434
              local.get 436
              f64x2.add
              local.set 437
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=688
              local.set 438
              local.get 438
              local.get 308
              f64x2.mul
              local.set 439
              local.get 437
              local.get 439
              f64x2.add
              local.set 440
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=768
              local.set 441
              local.get 441
              local.get 309
              f64x2.mul
              local.set 442
              local.get 440
              local.get 442
              f64x2.add
              local.set 443
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=776
              local.set 444
              local.get 444
              local.get 310
              f64x2.mul
              local.set 445
              local.get 443
              local.get 445
              f64x2.add
              local.set 446
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=784
              local.set 447
              local.get 447
              local.get 311
              f64x2.mul
              local.set 448
              local.get 446
              local.get 448
              f64x2.add
              local.set 449
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=792
              local.set 450
              local.get 450
              local.get 312
              f64x2.mul
              local.set 451
              local.get 449
              local.get 451
              f64x2.add
              local.set 452
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=800
              local.set 453
              local.get 453
              local.get 313
              f64x2.mul
              local.set 454
              local.get 452
              local.get 454
              f64x2.add
              local.set 455
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=808
              local.set 456
              local.get 456
              local.get 314
              f64x2.mul
              local.set 457
              local.get 455
              local.get 457
              f64x2.add
              local.set 458
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=816
              local.set 459
              local.get 459
              local.get 315
              f64x2.mul
              local.set 460
              local.get 458
              local.get 460
              f64x2.add
              local.set 461
              local.get 67
              i32.const 3
              i32.shl
              local.tee 462
              local.get 461
              v128.store offset=2920
              local.get 64
              i32.const 2
              i32.add
              local.set 64
              br 0
            end
          end
        end
      end
      block
        loop