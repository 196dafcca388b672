// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace partita
{

/** The two IR slots, folded into one kernel (docs/plugin.md, "Two IR
    slots"): A is the IR of every version before them. */
enum class IrSlot
{
    a,
    b,
};

} // namespace partita
