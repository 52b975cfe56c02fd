"""A folder of skill folders → `SkillSource`s, checked against the framework.

A skill folder is named by the skill's code and holds `skill.toml` (code, English name,
category, subcategory) and `<language>.txt` for any of the site's languages, English required.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from skills.content.sources.errors import SourceError, SourceErrors
from skills.content.sources.files import line_of, read_text, read_toml
from skills.content.sources.layouts import LANGUAGES
from skills.content.sources.parser import SkillText, parse_text
from skills.framework.languages import SOURCE_LANGUAGE
from skills.framework.text import MAX_NAME_LENGTH

CODE = re.compile(r"[A-Z][A-Z0-9]{1,7}")
SKILL_TOML_KEYS = ("code", "name", "category", "subcategory")


@dataclass(frozen=True)
class SkillSource:
    code: str
    name: str
    category: str
    subcategory: str
    folder: Path
    # Language → parsed text; English is always there.
    texts: dict

    @property
    def defined_levels(self):
        """English decides where a skill is defined; the translations follow it."""
        return self.texts[SOURCE_LANGUAGE].defined_levels


def read_sources(root, framework):
    """Every skill folder below `root`, in code order; all problems raised together."""
    root = Path(root)
    if not root.is_dir():
        raise SourceErrors([SourceError(root, 1, "is not a folder of skill sources")])
    entries = sorted(path for path in root.iterdir() if _visible(path))
    # A linked folder would import whatever it points to, inside the tree or not.
    errors = [
        SourceError(path, 1, "is a symbolic link: skill folders must be folders inside it")
        for path in entries
        if path.is_symlink()
    ]
    folders = [path for path in entries if path.is_dir() and not path.is_symlink()]
    if not folders and not errors:
        raise SourceErrors([SourceError(root, 1, "holds no skill folders")])
    sources = []
    for folder in folders:
        try:
            sources.append(read_skill_folder(folder, framework))
        except SourceErrors as problems:
            errors.extend(problems.errors)
    if errors:
        raise SourceErrors(errors)
    return sources


def read_skill_folder(folder, framework):
    folder = Path(folder)
    errors = []
    if not CODE.fullmatch(folder.name):
        errors.append(
            SourceError(folder, 1, "a skill folder is named by the skill's code, such as SLMO")
        )
    texts = {}
    for path in sorted(path for path in folder.iterdir() if _visible(path)):
        if path.name == "skill.toml":
            continue
        if path.suffix != ".txt" or path.stem not in LANGUAGES:
            errors.append(
                SourceError(
                    path,
                    1,
                    f'"{path.name}" is not a source text: a skill folder holds skill.toml and '
                    f"texts named by language ({', '.join(f'{lang}.txt' for lang in LANGUAGES)})",
                )
            )
            continue
        try:
            texts[path.stem] = parse_text(read_text(path), path.stem, path)
        except SourceError as error:
            errors.append(error)
    if not (folder / "en.txt").exists():
        errors.append(SourceError(folder / "en.txt", 1, "the English text is missing"))
    meta = _read_skill_toml(folder, framework, errors)
    for text in texts.values():
        errors.extend(_check_text(folder, text, framework))
    if errors:
        raise SourceErrors(errors)
    return SkillSource(folder=folder, texts=texts, **meta)


def _visible(path):
    return not path.name.startswith(".")


def _read_skill_toml(folder, framework, errors):
    path = folder / "skill.toml"
    if not path.exists():
        errors.append(
            SourceError(path, 1, f"is missing: it gives the skill's {', '.join(SKILL_TOML_KEYS)}")
        )
        return {}
    try:
        data, text = read_toml(path)
    except SourceError as error:
        errors.append(error)
        return {}
    problems = []
    for key in sorted(set(data) - set(SKILL_TOML_KEYS)):
        problems.append(SourceError(path, line_of(text, key), f"unknown key {key!r}"))
    for key in SKILL_TOML_KEYS:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(SourceError(path, line_of(text, key), f"{key} must be set, as text"))
    if not problems and len(data["name"]) > MAX_NAME_LENGTH:
        problems.append(
            SourceError(
                path,
                line_of(text, "name"),
                f"name is {len(data['name'])} characters long: at most {MAX_NAME_LENGTH}",
            )
        )
    if not problems:
        if data["code"] != folder.name:
            problems.append(
                SourceError(
                    path,
                    line_of(text, "code"),
                    f'code "{data["code"]}" does not match its folder "{folder.name}"',
                )
            )
        category, subcategory = framework.find_subcategory(data["category"], data["subcategory"])
        if category is None:
            problems.append(
                SourceError(
                    path,
                    line_of(text, "category"),
                    f'unknown category "{data["category"]}" (the categories are in framework.toml)',
                )
            )
        elif subcategory is None:
            problems.append(
                SourceError(
                    path,
                    line_of(text, "subcategory"),
                    f'"{data["subcategory"]}" is not a subcategory of "{data["category"]}"',
                )
            )
    errors.extend(problems)
    return {} if problems else {key: data[key] for key in SKILL_TOML_KEYS}


def _check_text(folder, text: SkillText, framework):
    path = folder / f"{text.language}.txt"
    if text.code is not None and text.code != folder.name:
        yield SourceError(
            path, text.title_line, f"names the skill {text.code}, but its folder is {folder.name}"
        )
    if text.language != SOURCE_LANGUAGE:
        return
    if not text.description:
        yield SourceError(path, 1, "the English text has no skill description")
    if not text.defined_levels:
        yield SourceError(path, 1, "the English text defines no level")
    for level in text.levels:
        expected = framework.level(level.number).guiding_phrase[SOURCE_LANGUAGE]
        if level.guiding_phrase is not None and level.guiding_phrase != expected:
            yield SourceError(
                path,
                level.heading_line,
                f'level {level.number} is "{level.guiding_phrase}" here, but "{expected}" in '
                "the levels of responsibility",
            )
