// SPDX-License-Identifier: GPL-3.0-or-later
// The LV2 headers the control ports use, in one place.
#pragma once

// JUCE puts its own copy of the LV2 headers on the include path, not as
// system headers: their inline functions would fail the project's warnings.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wparentheses"
#include <lv2/atom/forge.h>
#include <lv2/atom/util.h>
#include <lv2/core/lv2.h>
#include <lv2/patch/patch.h>
#include <lv2/state/state.h>
#include <lv2/urid/urid.h>
#pragma GCC diagnostic pop
