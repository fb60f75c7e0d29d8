package covidunet.io.nifti;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import com.google.gson.JsonParser;

import covidunet.BadInputException;
import covidunet.cli.InfoSubcommand;

/**
 * A child JVM's main: reads each file named on the command line with {@link NiftiReader#read}
 * (or, after {@code --info}, with {@code info}) and prints one line per file,
 * {@code value <dims>} or {@code bad <message>}; anything else thrown (an
 * {@link OutOfMemoryError} above all) prints {@code unexpected <throwable>}.
 */
public final class ReadEachFile {

	private ReadEachFile() {}

	/** @param args the files to read, after {@code --info} to run {@code info} on them instead */
	public static void main(final String[] args) {
		final boolean info = args.length > 0 && args[0].equals("--info");
		for (final String name : Arrays.asList(args).subList(info ? 1 : 0, args.length)) {
			try {
				if (info) {
					final ByteArrayOutputStream json = new ByteArrayOutputStream();
					InfoSubcommand.run(Map.of("input", name), new PrintStream(json, true, StandardCharsets.UTF_8));
					System.out.println("value " + JsonParser.parseString(json.toString(StandardCharsets.UTF_8))
						.getAsJsonObject().get("dims"));
				}
				else {
					System.out.println("value " + Arrays.toString(NiftiReader.read(Path.of(name)).geometry().dims()));
				}
			}
			catch (final BadInputException e) {
				System.out.println("bad " + e.getMessage());
			}
			catch (final Throwable e) {
				System.out.println("unexpected " + e);
			}
		}
	}
}
