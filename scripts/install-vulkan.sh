#!/usr/bin/env bash
# @file Set-up of the WebGPU tests on a machine without a GPU: a Vulkan
# loader (Debian's libvulkan1) and a CPU Vulkan driver for Dawn (the
# `webgpu` package). The driver is SwiftShader from Debian's chromium
# package (scripts/install-chromium.sh, run first by `.ci/run`), or, without
# Chromium, Mesa's lavapipe (mesa-vulkan-drivers). test/helpers/gpu.ts finds
# them (and points VK_ICD_FILENAMES at SwiftShader when no driver is
# registered). Without the system loader the tests still run, through
# Chromium's own loader and LD_LIBRARY_PATH (vitest.config.ts); plain
# `node` runs (`npm run bench -- --webgpu`) need it. Does nothing when both
# are present; otherwise needs root (or sudo) and apt.
set -euo pipefail

packages=()
if ! /sbin/ldconfig -p 2>/dev/null | grep -q 'libvulkan\.so\.1 '; then packages+=(libvulkan1); fi
if [ ! -f /usr/lib/chromium/vk_swiftshader_icd.json ] && ! ls /usr/share/vulkan/icd.d/*.json >/dev/null 2>&1; then
  packages+=(mesa-vulkan-drivers)
fi
if [ ${#packages[@]} -eq 0 ]; then
  echo "Vulkan loader and driver already installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${packages[@]}"
echo "installed: ${packages[*]}"
