#!/usr/bin/env python3
"""Checks a Windows exe the way Explorer shows it: a 64-bit (PE32+) GUI program with an icon and a
version resource carrying our version. Prints one line per check and exits 1 when any fails.

usage: pe_check.py <exe> <version>
"""
import struct
import sys

RT_ICON, RT_GROUP_ICON, RT_VERSION = 3, 14, 16


def main(path: str, version: str) -> int:
    data = open(path, "rb").read()
    results = []

    def check(name: str, ok: bool, detail: str = "") -> None:
        results.append(ok)
        print(f"{'ok' if ok else 'FAILED'}: {name}{' (' + detail + ')' if detail else ''}")

    pe = struct.unpack_from("<I", data, 0x3C)[0]
    check("PE signature", data[pe:pe + 4] == b"PE\0\0")
    machine, nsections, _, _, _, opt_size, _ = struct.unpack_from("<HHIIIHH", data, pe + 4)
    opt = pe + 24
    magic = struct.unpack_from("<H", data, opt)[0]
    check("64-bit x86 (PE32+)", machine == 0x8664 and magic == 0x20B, f"machine {machine:#x}, magic {magic:#x}")
    subsystem = struct.unpack_from("<H", data, opt + 68)[0]
    check("GUI subsystem (no console window)", subsystem == 2, f"subsystem {subsystem}")

    # Find the resource directory through the data directories (entry 2) and the section table.
    rsrc_rva = struct.unpack_from("<I", data, opt + 112 + 2 * 8)[0]
    sections = pe + 24 + opt_size
    rsrc_off = None
    for i in range(nsections):
        _, vsize, vaddr, rawsize, rawptr = struct.unpack_from("<8sIIII", data, sections + 40 * i)
        if vaddr <= rsrc_rva < vaddr + max(vsize, rawsize):
            rsrc_off = rawptr + (rsrc_rva - vaddr)
    check("has resources", rsrc_off is not None)
    if rsrc_off is None:
        return 1
    named, ids = struct.unpack_from("<HH", data, rsrc_off + 12)
    types = {}
    for i in range(named + ids):
        name, offset = struct.unpack_from("<II", data, rsrc_off + 16 + 8 * i)
        types[name] = offset
    check("icon resource", RT_ICON in types and RT_GROUP_ICON in types, f"types {sorted(types)}")
    check("version resource", RT_VERSION in types)

    text = data.decode("utf-16-le", errors="ignore") + data[1:].decode("utf-16-le", errors="ignore")
    check(f"version {version} in the version resource", "ProductVersion" in text and version in text)
    return 0 if all(results) else 1


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
