"""Issue 16's figures of a segmentation of the real CT fixtures, with nibabel and SciPy as oracles.

Usage: /usr/bin/python3 bench/real_ct.py DATA SM_LABELS CT_LABELS
  DATA       the folder of example_ct_sm.nii.gz, example_ct.nii.gz and example_seg.nii.gz
  SM_LABELS  our labels of example_ct_sm.nii.gz (the lung bases and the upper abdomen)
  CT_LABELS  our labels of example_ct.nii.gz (the same patient, abdomen to pelvis; example_ct_sm
             is its top 30 slices)
Prints one line of key=value figures: Dice of the lungs (labels 1-3 united), of the left lung
(label 1) and of the right lung (label 2) against the TotalSegmentator lobes (10, 11 left; 12, 13,
14 right); labelled voxels; labelled voxels outside the body (the body found independently here:
voxels above -500 HU, opened in-plane, the largest 3-D component, grown by one voxel, holes filled
per slice); in example_ct, labelled voxels below the lowest lung slice of the truth (below the
diaphragm) and how many of them are lung (labels 1, 2).
"""
import sys

import nibabel as nib
import numpy as np
from scipy import ndimage


def voxels(path):
    return np.asarray(nib.load(path).dataobj)


def dice(a, b):
    total = a.sum() + b.sum()
    return 2 * (a & b).sum() / total if total else float('nan')


def body(ct):
    dense = ndimage.binary_opening(ct > -500, structure=np.ones((3, 3, 1)))
    components, count = ndimage.label(dense)
    if count:
        dense = components == np.argmax(np.bincount(components.ravel())[1:]) + 1
    dense = ndimage.binary_dilation(dense, structure=np.ones((3, 3, 1)))
    return np.stack([ndimage.binary_fill_holes(dense[:, :, z]) for z in range(dense.shape[2])], 2)


def main(data, sm_labels, ct_labels):
    seg = voxels(data + '/example_seg.nii.gz')
    left, right = np.isin(seg, [10, 11]), np.isin(seg, [12, 13, 14])
    sm = voxels(sm_labels)
    sm_body = body(voxels(data + '/example_ct_sm.nii.gz').astype(float))
    ct = voxels(data + '/example_ct.nii.gz').astype(float)
    full = voxels(ct_labels)
    offset = ct.shape[2] - seg.shape[2]
    lowest = offset + int(np.nonzero((left | right).any((0, 1)))[0].min())
    below = full[:, :, :lowest]
    print(f"lungs_dice={dice(sm >= 1, left | right):.3f} left_dice={dice(sm == 1, left):.3f} "
          f"right_dice={dice(sm == 2, right):.3f} labelled={int((sm > 0).sum())} "
          f"infection={int((sm == 3).sum())} truth={int((left | right).sum())} "
          f"outside_body={int(((sm > 0) & ~sm_body).sum())} "
          f"full_labelled={int((full > 0).sum())} full_outside_body={int(((full > 0) & ~body(ct)).sum())} "
          f"below_diaphragm={int((below > 0).sum())} lung_below_diaphragm={int(np.isin(below, [1, 2]).sum())}")


if __name__ == '__main__':
    main(*sys.argv[1:4])
