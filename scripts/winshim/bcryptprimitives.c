/* A tiny bcryptprimitives.dll for Wine 8, which lacks the ProcessPrng export that Go 1.24+
 * programs import on Windows. Real Windows has it. ProcessPrng fills a buffer with random
 * bytes; this forwards to RtlGenRandom (advapi32's SystemFunction036), in chunks that fit
 * its ULONG length. Used only by scripts/windows-smoke. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
