"""A PEP 517 build backend for notestore's Python package that drives CMake.

It needs only the standard library, so ``pip install ./bindings/python
--no-build-isolation`` works where no package index is reachable. ``build_wheel``
configures the whole notestore tree with only the Python module enabled, builds it, and
zips the package folder CMake assembled into a wheel.

Environment:
  NOTESTORE_PYTHON_BUILD_DIR  reuse this CMake build folder (faster rebuilds)
  CMAKE                       the cmake program (default: cmake)
  NOTESTORE_BUILD_JOBS        parallel build jobs (default: the number of CPUs)
"""

import base64
import hashlib
import os
import re
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import zipfile
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_ROOT = _HERE.parent.parent  # The notestore source tree.
_NAME = "notestore"


def _version():
    text = (_ROOT / "include" / "notestore" / "version.h").read_text()
    return re.search(r'NOTESTORE_VERSION_STRING "([^"]+)"', text).group(1)


def _tag():
    impl = "cp" + sysconfig.get_config_var("py_version_nodot")
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return f"{impl}-{impl}-{platform}"


def _metadata():
    return (
        "Metadata-Version: 2.1\n"
        f"Name: {_NAME}\n"
        f"Version: {_version()}\n"
        "Summary: A normalized, searchable SQLite knowledge store for a vault of Markdown notes\n"
        "License: MIT\n"
        "Requires-Python: >=3.8\n"
    )


def _dist_info():
    return f"{_NAME}-{_version()}.dist-info"


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    info = Path(metadata_directory) / _dist_info()
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(_metadata())
    return info.name


def _cmake_build(build_dir):
    cmake = os.environ.get("CMAKE", "cmake")
    jobs = os.environ.get("NOTESTORE_BUILD_JOBS", str(os.cpu_count() or 1))
    configure = [
        cmake, "-S", str(_ROOT), "-B", str(build_dir), "-DCMAKE_BUILD_TYPE=Release",
        "-DNOTESTORE_BUILD_TESTS=OFF", "-DNOTESTORE_BUILD_CLI=OFF", "-DNOTESTORE_BUILD_BENCH=OFF",
        "-DNOTESTORE_INSTALL=OFF", "-DNOTESTORE_BUILD_PYTHON=ON",
        f"-DPython3_EXECUTABLE={sys.executable}",
    ]
    subprocess.run(configure, check=True, stdout=sys.stderr)
    subprocess.run([cmake, "--build", str(build_dir), "--target", "_notestore", "-j", jobs],
                   check=True, stdout=sys.stderr)
    package = Path(build_dir) / "python" / _NAME
    if not any(package.glob("_notestore*")):
        raise RuntimeError(f"CMake did not produce the module in {package}")
    return package


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    build_dir = os.environ.get("NOTESTORE_PYTHON_BUILD_DIR")
    with tempfile.TemporaryDirectory() as scratch:
        package = _cmake_build(Path(build_dir) if build_dir else Path(scratch) / "build")
        wheel_name = f"{_NAME}-{_version()}-{_tag()}.whl"
        files = {}
        for path in sorted(package.iterdir()):
            if path.is_file():
                files[f"{_NAME}/{path.name}"] = path.read_bytes()
        info = _dist_info()
        files[f"{info}/METADATA"] = _metadata().encode()
        files[f"{info}/WHEEL"] = (
            "Wheel-Version: 1.0\nGenerator: notestore_build\nRoot-Is-Purelib: false\n"
            f"Tag: {_tag()}\n"
        ).encode()
        record = [_record_line(name, data) for name, data in files.items()]
        record.append(f"{info}/RECORD,,")
        files[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode()
        target = Path(wheel_directory) / wheel_name
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as wheel:
            for name, data in files.items():
                info_entry = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info_entry.external_attr = 0o644 << 16
                wheel.writestr(info_entry, data, zipfile.ZIP_DEFLATED)
    return wheel_name


def build_sdist(sdist_directory, config_settings=None):
    """The whole notestore tree (the C++ library is part of the package's build)."""
    base = f"{_NAME}-{_version()}"
    target = Path(sdist_directory) / f"{base}.tar.gz"
    skip = re.compile(r"(^|/)(\.git|build[^/]*|__pycache__)(/|$)")

    def keep(info):
        rel = info.name[len(base) + 1:]
        return None if rel and skip.search(rel) else info

    with tarfile.open(target, "w:gz") as tar:
        tar.add(_ROOT, arcname=base, filter=keep)
        pkg_info = tarfile.TarInfo(f"{base}/PKG-INFO")
        data = _metadata().encode()
        pkg_info.size = len(data)
        import io
        tar.addfile(pkg_info, io.BytesIO(data))
    return target.name
