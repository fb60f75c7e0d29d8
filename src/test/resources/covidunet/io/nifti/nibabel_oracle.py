"""Independent NIfTI-1 oracle for the tests: nibabel writes and reads the files we compare with.

Usage: python3 -c <this script> write SPECS.json
       python3 -c <this script> read REQUESTS.json RESULTS.json

write: SPECS.json is a list of objects, each describing one file to make (see make()).
read: REQUESTS.json is a list of {"path": ..., "raw": ...}; for each file nibabel's view of the
header goes into RESULTS.json and its scaled voxel values, x fastest, into "raw" as
little-endian float64.
"""
import gzip
import json
import sys

import nibabel as nib
import numpy as np


def data_for(spec):
    rng = np.random.default_rng(spec.get("seed", 0))
    dtype = np.dtype(spec["dtype"])
    shape = tuple(spec["shape"])
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        lo = max(info.min, spec.get("min", info.min))
        hi = min(info.max, spec.get("max", info.max))
        data = rng.integers(lo, hi, size=shape, dtype=dtype, endpoint=True)
    else:
        data = (rng.normal(0, 1000, size=shape)).astype(dtype)
        if spec.get("specials", False):
            flat = data.reshape(-1, order="F")
            flat[0] = np.nan
            flat[1] = np.inf
            flat[2] = -np.inf
            data = flat.reshape(shape, order="F")
    return data


def make(spec):
    """Writes spec["path"] (.nii or .nii.gz) with nibabel's header serialisation."""
    data = data_for(spec)
    hdr = nib.Nifti1Header()
    hdr.set_data_dtype(data.dtype)
    hdr.set_data_shape(data.shape)
    if "zooms" in spec:
        hdr.set_zooms(tuple(spec["zooms"]))
    if spec.get("qform") is not None:
        hdr.set_qform(np.array(spec["qform"]), code=spec.get("qform_code", 1))
    else:
        hdr["qform_code"] = spec.get("qform_code", 0)
    if spec.get("sform") is not None:
        hdr.set_sform(np.array(spec["sform"]), code=spec.get("sform_code", 1))
    else:
        hdr["sform_code"] = spec.get("sform_code", 0)
    if "slope" in spec:
        hdr.set_slope_inter(spec["slope"], spec.get("inter", 0.0))
    if "raw_slope" in spec:
        hdr["scl_slope"] = spec["raw_slope"]
        hdr["scl_inter"] = spec.get("raw_inter", 0.0)
    if "units" in spec:
        hdr.set_xyzt_units(xyz=spec["units"])
    if "descrip" in spec:
        hdr["descrip"] = spec["descrip"].encode()
    order = spec.get("byteorder", "<")
    if order != hdr.endianness:
        hdr = hdr.as_byteswapped(order)
    if spec.get("extension", False):
        hdr.extensions.append(nib.nifti1.Nifti1Extension(6, b"an oracle-made comment " * 40))
    opener = gzip.open if spec["path"].endswith(".gz") else open
    with opener(spec["path"], "wb") as f:
        hdr.write_to(f)
        offset = int(hdr["vox_offset"])
        f.write(b"\0" * (offset - f.tell()))
        f.write(data.astype(hdr.get_data_dtype()).tobytes(order="F"))


def describe(request):
    path = request["path"]
    with nib.openers.ImageOpener(path) as f:
        hdr = nib.Nifti1Header.from_fileobj(f, check=True)
    img = nib.load(path)
    values = np.asarray(img.dataobj)
    shape = values.shape
    values = values.reshape(shape[:3] + (1,) * (3 - len(shape[:3])), order="F")
    values.astype("<f8").ravel(order="F").tofile(request["raw"])
    slope, inter = hdr.get_slope_inter()
    return {
        "shape": [int(s) for s in shape],
        "zooms": [float(z) for z in hdr.get_zooms()],
        "dtype": hdr.get_data_dtype().name,
        "byteorder": hdr.endianness,
        "qform_code": int(hdr["qform_code"]),
        "sform_code": int(hdr["sform_code"]),
        "qform": hdr.get_qform().tolist(),
        "sform": hdr.get_sform().tolist(),
        "affine": img.affine.tolist(),
        "pixdim": [float(p) for p in hdr["pixdim"]],
        "slope": slope,
        "inter": inter,
        "vox_offset": float(hdr["vox_offset"]),
        "descrip": hdr["descrip"].item().decode("latin-1"),
        "xyz_units": hdr.get_xyzt_units()[0],
        "extensions": len(hdr.extensions),
    }


def main():
    command = sys.argv[1]
    if command == "write":
        with open(sys.argv[2]) as f:
            for spec in json.load(f):
                make(spec)
    elif command == "read":
        with open(sys.argv[2]) as f:
            requests = json.load(f)
        with open(sys.argv[3], "w") as f:
            json.dump([describe(r) for r in requests], f)
    else:
        raise SystemExit("unknown command " + command)


main()
