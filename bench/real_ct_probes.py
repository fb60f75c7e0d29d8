"""Writes altered copies of the real CT fixture example_ct_sm.nii.gz, each changing one thing, to
find what makes a model miss real lung (issue 16, docs/real-scans.md). bench/real-ct-probes.sh
segments and scores them.

Usage: real_ct_probes.py make DATA OUT          writes the altered copies into OUT
       real_ct_probes.py score DATA LABELS...   prints lungs, left and right Dice of each labels file
DATA holds example_ct_sm.nii.gz and example_seg.nii.gz (TotalSegmentator's classes: lobes 10, 11
left, 12, 13, 14 right).
"""
import sys

import nibabel as nib
import numpy as np
from scipy import ndimage as ndi

from real_ct import dice

LUNG_LOBES = [10, 11, 12, 13, 14]
LIVER_SPLEEN = [5, 1]


def body_mask(ct):
    """The largest connected part above -300 HU, its holes filled slice by slice."""
    labels, n = ndi.label(ct > -300)
    sizes = ndi.sum(np.ones_like(labels), labels, range(1, n + 1))
    body = labels == 1 + int(np.argmax(sizes))
    return np.stack([ndi.binary_fill_holes(body[:, :, z]) for z in range(ct.shape[2])], -1)


def score(data, paths):
    seg = np.asarray(nib.load(f"{data}/example_seg.nii.gz").dataobj)
    left, right = np.isin(seg, [10, 11]), np.isin(seg, [12, 13, 14])
    for path in paths:
        labels = np.asarray(nib.load(path).dataobj)
        print(f"{path.split('/')[-1].removesuffix('.nii.gz')} lungs_dice={dice(labels > 0, left | right):.3f} "
              f"left_dice={dice(labels == 1, left):.3f} right_dice={dice(labels == 2, right):.3f}")


def make(data, out):
    image = nib.load(f"{data}/example_ct_sm.nii.gz")
    ct = image.get_fdata().astype(np.float32)
    seg = np.asarray(nib.load(f"{data}/example_seg.nii.gz").dataobj)
    lung = np.isin(seg, LUNG_LOBES)
    body = body_mask(ct)
    rng = np.random.default_rng(0)

    def save(name, values, affine=image.affine):
        header = image.header.copy()
        header.set_data_dtype(np.int16)
        nib.save(nib.Nifti1Image(np.round(values).astype(np.int16), affine, header), f"{out}/{name}.nii.gz")

    def replaced(mask, value, sigma):
        values = ct.copy()
        values[mask] = value + rng.normal(0, sigma, int(mask.sum()))
        return values

    save("original", ct)
    save("lung_uniform", replaced(lung, -850, 15))
    save("lung_smoothed", np.where(lung, ndi.gaussian_filter(ct, 1.5), ct))
    save("no_table", replaced(~body, -1000, 10))
    save("no_bone", replaced((ct > 180) & ~lung, 45, 10))
    save("no_fat", replaced((ct > -160) & (ct < -40) & body & ~lung, 40, 10))
    save("liver_spleen_uniform", replaced(np.isin(seg, LIVER_SPLEEN), 55, 10))
    save("hu_plus_60", ct + 60)
    save("hu_minus_60", ct - 60)
    for factor in (0.7, 0.8, 1.25):
        affine = image.affine.copy()
        affine[:3, :2] *= factor
        save(f"in_plane_x{factor}", ct, affine)
    for factor in (0.8, 1.3):
        affine = image.affine.copy()
        affine[:3, 2] *= factor
        save(f"slices_x{factor}", ct, affine)


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3])
    else:
        score(sys.argv[2], sys.argv[3:])
