// SPDX-License-Identifier: GPL-3.0-or-later
#include "StandardStreams.h"

#include "io/QuotedText.h"

#include <array>
#include <cerrno>
#include <fcntl.h>
#include <stdexcept>
#include <string>
#include <system_error>
#include <unistd.h>

namespace partita
{

namespace
{
std::string systemMessage (int error)
{
    return std::generic_category().message (error);
}

/** Closes a descriptor on every path out. */
class OwnedDescriptor
{
public:
    explicit OwnedDescriptor (int descriptorToOwn) noexcept
        : descriptor (descriptorToOwn)
    {
    }
    ~OwnedDescriptor()
    {
        if (descriptor >= 0)
            ::close (descriptor);
    }
    OwnedDescriptor (const OwnedDescriptor&) = delete;
    OwnedDescriptor& operator= (const OwnedDescriptor&) = delete;

    [[nodiscard]] int get() const noexcept { return descriptor; }
    /** Closes now, returning 0 or the error (a deferred write failing). */
    int close() noexcept
    {
        const int result = ::close (descriptor);
        descriptor = -1;
        return result == 0 ? 0 : errno;
    }

private:
    int descriptor;
};

/** Writes all of `bytes`, through short writes and signals; 0 or errno. */
int writeAll (int descriptor, const char* bytes, std::size_t count) noexcept
{
    while (count > 0)
    {
        const auto written = ::write (descriptor, bytes, count);
        if (written < 0)
        {
            if (errno == EINTR)
                continue;
            return errno;
        }
        bytes += written;
        count -= static_cast<std::size_t> (written);
    }
    return 0;
}

/** Reads once, retrying after signals; the count, 0 at the end, or -errno. */
ssize_t readSome (int descriptor, char* bytes, std::size_t count) noexcept
{
    for (;;)
    {
        const auto got = ::read (descriptor, bytes, count);
        if (got >= 0 || errno != EINTR)
            return got < 0 ? -errno : got;
    }
}

constexpr std::size_t chunkBytes = std::size_t { 1 } << 16;
} // namespace

bool namesStandardStream (const std::filesystem::path& path)
{
    return path.native() == standardStreamName;
}

void copyDescriptorToFile (int descriptor, const std::filesystem::path& destination)
{
    OwnedDescriptor file (::open (destination.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (file.get() < 0)
        throw std::runtime_error ("cannot keep standard input in " + quoted (destination) + ": "
                                  + systemMessage (errno));

    std::array<char, chunkBytes> buffer {};
    for (;;)
    {
        const auto got = readSome (descriptor, buffer.data(), buffer.size());
        if (got == 0)
            break;
        if (got < 0)
            throw std::runtime_error ("cannot read standard input: " + systemMessage (static_cast<int> (-got)));
        if (const int error = writeAll (file.get(), buffer.data(), static_cast<std::size_t> (got)); error != 0)
            throw std::runtime_error ("cannot keep standard input in " + quoted (destination) + ": "
                                      + systemMessage (error));
    }
    if (const int error = file.close(); error != 0)
        throw std::runtime_error ("cannot keep standard input in " + quoted (destination) + ": "
                                  + systemMessage (error));
}

void copyFileToDescriptor (const std::filesystem::path& source, int descriptor)
{
    const OwnedDescriptor file (::open (source.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.get() < 0)
        throw std::runtime_error ("cannot read " + quoted (source) + ": " + systemMessage (errno));

    std::array<char, chunkBytes> buffer {};
    for (;;)
    {
        const auto got = readSome (file.get(), buffer.data(), buffer.size());
        if (got == 0)
            return;
        if (got < 0)
            throw std::runtime_error ("cannot read " + quoted (source) + ": "
                                      + systemMessage (static_cast<int> (-got)));
        if (const int error = writeAll (descriptor, buffer.data(), static_cast<std::size_t> (got)); error != 0)
            throw std::runtime_error ("cannot write to standard output: " + systemMessage (error));
    }
}

std::string namingStandardStream (std::string text, const std::filesystem::path& file, std::string_view words)
{
    for (const auto& from : { quoted (file.string()), file.string() })
    {
        if (from.empty())
            continue;
        for (auto position = text.find (from); position != std::string::npos; position = text.find (from, position))
        {
            text.replace (position, from.size(), words);
            position += words.size();
        }
    }
    return text;
}

bool isTerminal (int descriptor) noexcept
{
    return ::isatty (descriptor) == 1;
}

} // namespace partita
