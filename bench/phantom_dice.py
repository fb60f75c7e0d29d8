"""Pooled lung and infection Dice of a folder of predictions against a phantom cohort's masks
(the Zenodo layout that `covid-unet phantom` writes), with nibabel as the reader.

Usage: /usr/bin/python3 bench/phantom_dice.py COHORT PREDICTIONS
  COHORT       a cohort folder (Lung_and_Infection_Mask/ inside)
  PREDICTIONS  `covid-unet segment --input COHORT/COVID-19-CT-Seg_20cases --output PREDICTIONS`
Prints one line: pooled_lung_dice (labels 1-3 united), pooled_infection_dice (label 3), cases.
"""
import glob
import os
import sys

import nibabel as nib
import numpy as np


def main(cohort, predictions):
    lung = [0, 0]
    infection = [0, 0]
    cases = 0
    for mask_path in sorted(glob.glob(os.path.join(cohort, "Lung_and_Infection_Mask", "*.nii.gz"))):
        truth = np.asarray(nib.load(mask_path).dataobj)
        labels = np.asarray(nib.load(os.path.join(predictions, os.path.basename(mask_path))).dataobj)
        for sums, t, p in ((lung, truth > 0, labels > 0), (infection, truth == 3, labels == 3)):
            sums[0] += 2 * int((t & p).sum())
            sums[1] += int(t.sum() + p.sum())
        cases += 1
    print(f"pooled_lung_dice={lung[0] / lung[1]:.3f} pooled_infection_dice={infection[0] / infection[1]:.3f} "
          f"cases={cases}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
