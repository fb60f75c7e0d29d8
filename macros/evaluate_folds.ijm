// Scores the fold models of a cross-validation: each fold's model segments its validation cases
// (predictions already made are reused), then Dice, sensitivity, specificity, HD95, NSD... per
// case and class go to cv_results.detailed.csv, per-fold medians to cv_results.final.csv, with
// box plots, fitting curves, case figures and a self-contained report.html.
//
// Interactive: run it and choose the folders. Batch, with Fiji's launcher (fiji-linux-x64 in Fiji
// Latest; ImageJ-linux64 in older Fiji):
//   fiji-linux-x64 --headless --console -batch evaluate_folds.ijm \
//     "dataset=[/data/COVID-19-CT-Seg] folds_file=[/models/folds.json] models=[/models] output=[/results]"
// The optional files that Evaluate Folds does not use here (predictions, masks) are passed empty,
// so that Fiji never asks for them.
args = getArgument();
dataset = call("ij.Macro.getValue", args, "dataset", "");
models = call("ij.Macro.getValue", args, "models", "");
foldsFile = call("ij.Macro.getValue", args, "folds_file", "");
output = call("ij.Macro.getValue", args, "output", "");
if (dataset == "")
	dataset = getDirectory("Dataset folder");
if (models == "")
	models = getDirectory("Folder of the fold_k models");
if (foldsFile == "")
	foldsFile = File.openDialog("Folds file (.json, from Prepare Folds)");
if (output == "")
	output = getDirectory("Output folder for the tables, figures and report");
if (!endsWith(output, "/"))
	output = output + "/";
run("Evaluate Folds", "dataset=[" + dataset + "] folds_file=[" + foldsFile + "] models=[" + models + "] output=[" + output +
	"] predictions=[] masks=[]");
print("report: " + output + "report.html");
