// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>

namespace partita::test
{

/** A fresh directory under the system temp folder, removed with its contents
    when the object goes out of scope. */
class TemporaryDirectory
{
public:
    TemporaryDirectory();
    ~TemporaryDirectory();
    TemporaryDirectory (const TemporaryDirectory&) = delete;
    TemporaryDirectory& operator= (const TemporaryDirectory&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return directory; }
    [[nodiscard]] std::filesystem::path operator/ (const std::filesystem::path& name) const { return directory / name; }

private:
    std::filesystem::path directory;
};

} // namespace partita::test
