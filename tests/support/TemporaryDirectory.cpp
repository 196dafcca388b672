// SPDX-License-Identifier: GPL-3.0-or-later
#include "TemporaryDirectory.h"

#include <atomic>
#include <random>
#include <string>
#include <system_error>
#include <unistd.h>

namespace partita::test
{

TemporaryDirectory::TemporaryDirectory()
{
    static std::atomic<unsigned> counter { 0 };
    std::random_device entropy;
    const auto name = "partita-test-" + std::to_string (::getpid()) + "-" + std::to_string (entropy()) + "-"
                      + std::to_string (counter++);
    directory = std::filesystem::temp_directory_path() / name;
    std::filesystem::create_directories (directory);
}

TemporaryDirectory::~TemporaryDirectory()
{
    std::error_code ignored;
    std::filesystem::remove_all (directory, ignored);
}

} // namespace partita::test
