// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace partita
{

/** What writing a file does when its name is taken. */
enum class OverwritePolicy
{
    refuse,
    replace,
};

} // namespace partita
