package covidunet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTableTest {

	@Test
	void fieldsAreQuotedAndNumbersPlain() {
		final CsvTable table = new CsvTable(List.of("name", "count", "value"))
			.add("a,b", 3L, 0.1234567891)
			.add("say \"hi\"", 10, 1234567.0)
			.add("x", -2, 1.0e-7);
		assertEquals("name,count,value\n\"a,b\",3,0.123457\n\"say \"\"hi\"\"\",10,1234567\nx,-2,0.0000001\n",
			table.toCsv());
	}

	@Test
	void specialValuesAreNamed() {
		assertEquals("NaN", CsvTable.format(Double.NaN));
		assertEquals("-Inf", CsvTable.format(Double.NEGATIVE_INFINITY));
		assertEquals("", CsvTable.format(null));
	}

	@Test
	void rowsMustFitTheColumns() {
		assertThrows(IllegalArgumentException.class, () -> new CsvTable(List.of("a", "b")).add(1));
	}
}
