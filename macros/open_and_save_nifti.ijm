// Opens a NIfTI volume with its full geometry (qform, sform, spacing), then saves it again as
// NIfTI next to the original, e.g. after editing it in Fiji. The saved file keeps the geometry.
input = File.openDialog("NIfTI volume (.nii or .nii.gz)");
run("Open NIfTI-1 (COVID U-Net)...", "input=[" + input + "]");
output = File.getDirectory(input) + getTitle() + "_edited.nii.gz";
run("Save as NIfTI-1 (COVID U-Net)...", "output=[" + output + "] overwrite=false");
print("saved " + output);
