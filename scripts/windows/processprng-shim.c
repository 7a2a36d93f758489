/*
 * bcryptprimitives.dll stand-in for Wine 8 (Debian 12).
 *
 * Rust's std (1.78+) imports ProcessPrng from bcryptprimitives.dll for all randomness
 * (HashMap seeds, etc.). Windows 10/11 ship that DLL; Wine 8 does not, so every Rust
 * exe dies at load with exit 53 ("bcryptprimitives.dll not found"). Wine does have
 * RtlGenRandom (exported by advapi32 as SystemFunction036), which gives the same
 * guarantee, so forwarding to it is enough for running tests under Wine.
 *
 * Only for Wine test prefixes: never ship this DLL with the app, real Windows has the
 * genuine one.
 *
 * Build: x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll \
 *          processprng-shim.c processprng-shim.def -ladvapi32
 */
#include <windows.h>

/* Not declared in mingw's headers under this name without ntsecapi.h; declare it
 * directly so the shim builds with any mingw-w64 version. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    /* RtlGenRandom takes a ULONG; split huge requests instead of truncating them. */
    while (len > 0) {
        ULONG chunk = len > 0x7fffffffu ? 0x7fffffffu : (ULONG)len;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    /* The real ProcessPrng is documented to always return TRUE; Rust treats FALSE as fatal. */
    return TRUE;
}
