/**
 * The fold models published with the method this plugin reproduces (Müller et al. 2020, Zenodo
 * record 3902293): their files chosen from the record's description
 * ({@link covidunet.model.published.RecordJson}, {@link covidunet.model.published.FileChoice}),
 * downloaded and checked, mapped to the folds ({@link covidunet.model.published.FoldMapping}) and
 * imported as model directories; {@link covidunet.model.published.PublishedModels} puts it together.
 */
package covidunet.model.published;
