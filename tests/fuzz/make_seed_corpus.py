#!/usr/bin/python3
"""Writes the fuzzers' seed corpus and dictionary into OUT (tests/fuzz/run-fuzzers calls it).

Seeds: every scenario the project ships (scenarios/**/*.yaml, the golden and CLI test
scenarios), every hostile input the loader's unit tests spell out (the string literals
passed to file_error(...) and set_error({...}) in tests/sim/scenario/test_scenario_loader.cpp), and
the checked-in tests/fuzz/seeds/. The dictionary holds YAML punctuation, the loader's
reserved words and every parameter key, so mutations reach deep keys quickly.
Usage: make_seed_corpus.py SOURCE_DIR OUT
"""
import hashlib
import pathlib
import re
import sys

source, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
SEPARATOR = b"\n#%%parent%%\n"  # tests/fuzz/fuzz_inputs.hpp: extends_separator


def c_literal(text):
    """The bytes of adjacent C string literals ("a\\x01" "b"): escapes decoded."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', text)
    return b"".join(p.encode("latin-1").decode("unicode_escape").encode("latin-1") for p in parts)


def save(target, data):
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


scenarios = sorted(source.glob("scenarios/**/*.yaml")) + [source / "tests/golden/tiny.yaml"] + \
    sorted(source.glob("tests/cli/data/*.yaml"))
baseline = (source / "scenarios/baseline.yaml").read_bytes()
for path in scenarios:
    text = path.read_bytes()
    save("scenario_file", text)
    # The shipped files extend ../baseline.yaml and the like; in the harness the parent
    # is parent.yaml beside the child.
    child = re.sub(rb"(?m)^extends: .*$", b"extends: parent.yaml", text)
    save("extends", (child if b"extends:" in child else b"extends: parent.yaml\n" + text) + SEPARATOR + baseline)
    save("extends", b"extends: parent.yaml\nrun: {seed: 3}\n" + SEPARATOR + text)

tests = (source / "tests/sim/scenario/test_scenario_loader.cpp").read_text(encoding="latin-1")
literal = r'((?:"(?:[^"\\]|\\.)*"\s*)+)'
for match in re.finditer(r"file_error\(\s*" + literal + r"\)", tests):
    save("scenario_file", c_literal(match.group(1)))
for match in re.finditer(r"set_error\(\{([^}]*)\}\)", tests):
    args = re.findall(literal, match.group(1))
    if args:
        save("set_override", b"\n".join(c_literal(a) for a in args))
for target in ("scenario_file", "extends", "set_override", "journal", "shard_file"):
    for path in sorted((source / "tests/fuzz/seeds" / target).glob("*")):
        save(target, path.read_bytes())

keys = set()
for path in list(source.glob("models/*.cpp")) + [source / "models/analytic/analytic_models.cpp"]:
    keys.update(re.findall(r'"([a-z_0-9]+(?:\.[a-z_0-9]+)+)"', path.read_text(encoding="latin-1")))
words = {"name", "description", "extends", "variants", "model", "sweep", "design", "samples", "levels",
         "factors", "key", "low", "high", "values", "distribution", "outputs", "bootstrap", "points",
         "grid", "one_at_a_time", "latin_hypercube", "sobol", "saltelli", "morris", "uniform", "log",
         "integer", "true", "false", "null", "~", ".inf", ".nan", "parent.yaml", "child.yaml", "---", "...",
         "&a", "*a", "<<", "!!str", "!!float", "? ", ": ", "- ", "{", "}", "[", "]", "'", '"', "|", ">", "#",
         "1e308", "-0", "0x10", "9223372036854775808", "ishigami", "sobol_g", "sales_marketing"}
for key in keys:
    words.update(key.split("."))
    words.add(key + "=")
with open(out / "scenario.dict", "w", encoding="utf-8") as dictionary:
    for word in sorted(words | keys):
        escaped = word.replace("\\", "\\\\").replace('"', '\\"')
        dictionary.write(f'"{escaped}"\n')
    dictionary.write('"\\x0a#%%parent%%\\x0a"\n')
# The journal's magic numbers and lengths that are just too large or too small.
with open(out / "journal.dict", "w", encoding="utf-8") as dictionary:
    for word in ("ASJRNL01", "1NUR", "\\xff\\xff\\xff\\xff", "\\x1c\\x00\\x00\\x00", "\\x02\\x00\\x00\\x00\\x03\\x00\\x00\\x00"):
        dictionary.write(f'"{word}"\n')
