#!/usr/bin/env python3
"""Writes the portal's icon sprite: only the Vaadin Icons the portal uses, as SVG symbols in one small file.

Vaadin's icon component brings all ~600 Vaadin Icons (250 KB of script) to every page that shows one icon; the
portal uses about forty. The artwork is Vaadin Icons (Apache License 2.0), taken from the production bundle's
iconset chunk of the same Vaadin version. Usage:

    unzip -o -q src/main/bundles/prod.bundle 'webapp/VAADIN/build/vaadin-icon-*.js' -d /tmp/icons
    python3 scripts/icons/subset.py /tmp/icons/webapp/VAADIN/build/vaadin-icon-*.js

Names come from PortalIcon.java (the enum's symbol names), so the sprite and the code cannot drift apart;
PortalIconTest checks that every symbol is in the sprite.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
ENUM = ROOT / "src/main/java/vn/ntm/portal/shell/PortalIcon.java"
SPRITE = ROOT / "src/main/resources/META-INF/resources/icons/portal-icons.svg"

source = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8")
names = sorted(set(re.findall(r'^\s+[A-Z_]+\("([a-z-]+)"\)', ENUM.read_text(encoding="utf-8"), re.M)))
symbols = []
for name in names:
    match = re.search(r'<g id="vaadin:' + re.escape(name) + r'">(.*?)</g>', source, re.S)
    if not match:
        sys.exit(f"no Vaadin icon named {name}")
    symbols.append(f'<symbol id="{name}" viewBox="0 0 16 16">{match.group(1)}</symbol>')
SPRITE.parent.mkdir(parents=True, exist_ok=True)
SPRITE.write_text('<svg xmlns="http://www.w3.org/2000/svg">\n'
                  '<!-- Vaadin Icons (Apache License 2.0), the subset the portal uses: scripts/icons/subset.py -->\n'
                  + "\n".join(symbols) + "\n</svg>\n", encoding="utf-8")
print(f"{len(symbols)} icons, {SPRITE.stat().st_size} bytes: {SPRITE.relative_to(ROOT)}")
