// SPDX-License-Identifier: GPL-3.0-or-later
#include "Application.h"

#include <cstdio>
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <vector>

int main (int argc, char* argv[])
{
    try
    {
        std::vector<std::string> arguments;
        for (int i = 1; i < argc; ++i)
            if (argv[i] != nullptr)
                arguments.emplace_back (argv[i]);

        return partita::runApplication (arguments, std::cout, std::cerr);
    }
    catch (const std::bad_alloc&)
    {
        std::fputs ("partita: error: out of memory\n", stderr);
    }
    catch (...)
    {
        std::fputs ("partita: error: unexpected failure\n", stderr);
    }
    return 1;
}
