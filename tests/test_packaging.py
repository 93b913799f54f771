"""An installed wheel (not the editable checkout) carries what kg reads at run time and builds
the same graph."""
import os
import subprocess
import sys
import zipfile

from tests.conftest import CORPUS, ROOT


def test_a_wheel_carries_the_ontologies_and_builds_the_checkout_s_graph(tmp_path):
    env = dict(os.environ, KG_NO_COMPILE="1")  # the pure wheel: what is packed, not the compile
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path / "wheel"), str(ROOT)], env=env, check=True, capture_output=True)
    wheel = next((tmp_path / "wheel").glob("kg-*.whl"))
    packed = set(zipfile.ZipFile(wheel).namelist())
    assert {f"kg/ontologies/{p.name}" for p in (ROOT / "ontologies").iterdir() if p.is_file()} <= packed
    assert "kg/queries/timeline.rq" in packed and not any(n.endswith(".so") for n in packed)

    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True)
    build = "import sys; from pathlib import Path; from kg.pipeline import build; " \
            "build(Path(sys.argv[1]), Path(sys.argv[2]), ner='rules', html=False, show_progress=False, jobs=1)"
    for where, path in (("installed", str(site)), ("checkout", str(ROOT))):
        subprocess.run([sys.executable, "-c", build, str(CORPUS), str(tmp_path / where)], cwd=tmp_path, check=True,
                       env=dict(env, PYTHONPATH=path, KG_PURE="1"), capture_output=True)
    assert (tmp_path / "installed" / "graph.ttl").read_bytes() == (tmp_path / "checkout" / "graph.ttl").read_bytes()
