// Trains the 3D U-Net on every fold of a 5-fold cross-validation, one model directory per fold
// (<output>/fold_0 ... fold_4), as the reference method does. The folds file is made first,
// seeded, unless it exists. Training resumes from its checkpoints when run again with resume.
//
// Interactive: run it and choose the dataset and output folders. Batch, with Fiji's launcher
// (fiji-linux-x64 in Fiji Latest; ImageJ-linux64 in older Fiji):
//   fiji-linux-x64 --headless --console -batch train_all_folds.ijm \
//     "dataset=[/data/COVID-19-CT-Seg] output=[/models] config=[/opt/covid-unet/models/cpu-small.json]"
// Arguments: dataset, output (required); folds_file [<output>/folds.json], folds [5], seed [1],
// config (a model card; default: the device's configuration), max_minutes (per fold), resume.
// The optional files the commands do not use here (benchmark, init_model, cache) are passed empty,
// as config when it is not given, so that Fiji never asks for them.
args = getArgument();
dataset = call("ij.Macro.getValue", args, "dataset", "");
output = call("ij.Macro.getValue", args, "output", "");
if (dataset == "")
	dataset = getDirectory("Dataset folder");
if (output == "")
	output = getDirectory("Output folder for the fold models");
if (!endsWith(output, "/"))
	output = output + "/";
foldsFile = call("ij.Macro.getValue", args, "folds_file", output + "folds.json");
folds = call("ij.Macro.getValue", args, "folds", "5");
seed = call("ij.Macro.getValue", args, "seed", "1");
config = call("ij.Macro.getValue", args, "config", "");
maxMinutes = call("ij.Macro.getValue", args, "max_minutes", "0");
resume = call("ij.Macro.getValue", args, "resume", "false");
if (!File.exists(foldsFile))
	run("Prepare Folds", "dataset=[" + dataset + "] output=[" + foldsFile + "] folds=" + folds + " seed=" + seed +
		" benchmark=[]");
options = "dataset=[" + dataset + "] folds_file=[" + foldsFile + "] fold=all output=[" + output + "] seed=" + seed +
	" max_minutes=" + maxMinutes + " config=[" + config + "] init_model=[] cache=[]";
// A checkbox: ImageJ 1.x reads its key alone, Fiji's SciJava commands resume=true.
if (resume == "true")
	options = options + " resume resume=true";
run("Train COVID U-Net", options);
print("fold models in " + output);
