package covidunet.model.published;

import java.net.URI;

import covidunet.dataset.download.ExpectedDigest;

/**
 * One file of a Zenodo record, as its records API lists it.
 *
 * @param key the file name
 * @param size its size in bytes
 * @param md5 its MD5, as the record gives it
 * @param url where its content is downloaded from
 */
public record RecordFile(String key, long size, ExpectedDigest md5, URI url) {}
