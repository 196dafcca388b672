// SPDX-License-Identifier: GPL-3.0-or-later
#include "StateFile.h"

#include "StateError.h"

#include <fstream>
#include <string>
#include <system_error>

namespace partita
{
namespace
{
std::string quoted (const std::filesystem::path& path)
{
    std::string text (1, '\'');
    text += path.string();
    text += '\'';
    return text;
}
} // namespace

std::vector<std::uint8_t> readStateFile (const std::filesystem::path& path)
{
    std::error_code error;
    const auto status = std::filesystem::status (path, error);
    if (status.type() == std::filesystem::file_type::not_found)
        throw StateError ("cannot read the state " + quoted (path) + ": no such file");
    if (error)
        throw StateError ("cannot read the state " + quoted (path) + ": " + error.message());
    if (status.type() != std::filesystem::file_type::regular)
        throw StateError ("cannot read the state " + quoted (path) + ": not a regular file");

    const auto size = std::filesystem::file_size (path, error);
    if (error)
        throw StateError ("cannot read the state " + quoted (path) + ": " + error.message());
    if (size > maxStateFileBytes)
        throw StateError ("cannot read the state " + quoted (path) + ": " + std::to_string (size)
                          + " bytes is larger than any Partita state");

    std::ifstream stream (path, std::ios::binary);
    if (!stream)
        throw StateError ("cannot read the state " + quoted (path) + ": the file cannot be opened");

    std::vector<std::uint8_t> bytes (static_cast<std::size_t> (size));
    stream.read (reinterpret_cast<char*> (bytes.data()), static_cast<std::streamsize> (bytes.size()));
    if (static_cast<std::uintmax_t> (stream.gcount()) != size)
        throw StateError ("cannot read the state " + quoted (path) + ": the file changed while it was read");
    return bytes;
}

void writeStateFile (const std::filesystem::path& path, std::span<const std::uint8_t> bytes)
{
    auto temporary = path;
    temporary += ".partial-state";

    {
        std::ofstream stream (temporary, std::ios::binary | std::ios::trunc);
        if (!stream)
            throw StateError ("cannot write the state " + quoted (path) + ": the folder is missing or not writable");
        stream.write (reinterpret_cast<const char*> (bytes.data()), static_cast<std::streamsize> (bytes.size()));
        stream.flush();
        if (!stream)
        {
            stream.close();
            std::error_code ignored;
            std::filesystem::remove (temporary, ignored);
            throw StateError ("cannot write the state " + quoted (path) + ": the disk may be full");
        }
    }

    std::error_code error;
    std::filesystem::rename (temporary, path, error);
    if (error)
    {
        std::error_code ignored;
        std::filesystem::remove (temporary, ignored);
        throw StateError ("cannot write the state " + quoted (path) + ": " + error.message());
    }
}

} // namespace partita
