package covidunet.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The digest scheme, against a value computed independently with Python's hashlib. */
class SavedModelDigestTest {

	@TempDir
	Path dir;

	private void tree() throws IOException {
		Files.createDirectories(dir.resolve("variables"));
		Files.createDirectories(dir.resolve("assets"));
		Files.write(dir.resolve("saved_model.pb"), new byte[] { 'a', 'b', 'c' });
		Files.write(dir.resolve("variables/variables.index"), new byte[0]);
		final byte[] all = new byte[256];
		for (int i = 0; i < all.length; i++) all[i] = (byte) i;
		Files.write(dir.resolve("variables/B"), all);
		Files.write(dir.resolve("Z"), new byte[] { 0, 1 });
	}

	@Test
	void matchesTheDocumentedScheme() throws IOException {
		tree();
		// h = sha256(); for n in sorted(names, key=str.encode):
		// h.update(n.encode() + b'\0' + len(d).to_bytes(8, 'big') + d)
		assertEquals("4edb49a93a4fd756073b08b1ac54885acaf9cadc72216fc54d9da9a5832222d5", SavedModelDigest.of(dir));
	}

	@Test
	void changesWithAByteOrAName() throws IOException {
		tree();
		final String before = SavedModelDigest.of(dir);
		Files.write(dir.resolve("Z"), new byte[] { 0, 2 });
		final String changedByte = SavedModelDigest.of(dir);
		assertNotEquals(before, changedByte);
		Files.move(dir.resolve("Z"), dir.resolve("Y"));
		assertNotEquals(changedByte, SavedModelDigest.of(dir));
	}

	@Test
	void boundaryBetweenNameAndContentMatters() throws IOException {
		Files.write(dir.resolve("ab"), new byte[] { 'c' });
		final String one = SavedModelDigest.of(dir);
		Files.delete(dir.resolve("ab"));
		Files.write(dir.resolve("a"), new byte[] { 'b', 'c' });
		assertNotEquals(one, SavedModelDigest.of(dir));
	}
}
