package org.rapport.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encoding and delimiter of the files that CRMs and spreadsheets export are detected, and read back as written. */
class FileEncodingTests {

	@TempDir
	Path folder;

	@Test
	void aGermanWindows1252FileFromExcelIsDetectedAndReadsItsUmlautsAndSharpS() throws Exception {
		Path file = sample("accounts-de-windows-1252.csv");
		FileEncoding encoding = FileEncoding.detect(file);
		assertThat(encoding).isEqualTo(FileEncoding.WINDOWS_1252);
		assertThat(CsvSource.detectDelimiter(file, encoding)).isEqualTo(Delimiter.SEMICOLON);
		CsvSource source = new CsvSource(file, encoding, ';');
		assertThat(source.headers()).containsExactly("Firmenname", "Straße", "PLZ", "Ort", "Telefon");
		assertThat(source.firstRows(1).get(0).cells())
			.containsExactly("Müller Straßenbau GmbH @TAG@", "Hauptstraße 5", "80331", "München", "+49 89 123456");
	}

	@Test
	void aChineseGb18030FileFromExcelIsDetectedAndReadsItsCharacters() throws Exception {
		Path file = sample("accounts-zh-gb18030.csv");
		FileEncoding encoding = FileEncoding.detect(file);
		assertThat(encoding).isEqualTo(FileEncoding.GB18030);
		CsvSource source = new CsvSource(file, encoding, ',');
		assertThat(source.headers()).containsExactly("客户名称", "城市", "电话", "地址");
		assertThat(source.firstRows(3)).extracting(row -> row.cells().get(1)).containsExactly("北京", "上海", "广州");
	}

	@Test
	void aFileWithZeroBytesIsNoTextUnlessItIsUtf16() throws Exception {
		Path workbook = folder.resolve("accounts.xlsx");
		// the start of an Excel workbook: a zip archive
		Files.write(workbook, new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, '[', 'C', 'o', 'n', 't', 'e', 'n',
				't', '_' });
		assertThat(FileEncoding.isBinary(workbook, FileEncoding.detect(workbook))).isTrue();
		assertThat(FileEncoding.isBinary(sample("contacts-utf16le-bom.csv"), FileEncoding.UTF_16LE)).isFalse();
		assertThat(FileEncoding.isBinary(sample("accounts-de-windows-1252.csv"), FileEncoding.WINDOWS_1252)).isFalse();
	}

	@Test
	void utf16FilesAreToldByTheirByteOrderMarkWhichIsNotReadAsPartOfTheFirstHeader() throws Exception {
		Path little = sample("contacts-utf16le-bom.csv");
		assertThat(FileEncoding.detect(little)).isEqualTo(FileEncoding.UTF_16LE);
		assertThat(CsvSource.detectDelimiter(little, FileEncoding.UTF_16LE)).isEqualTo(Delimiter.TAB);
		CsvSource source = new CsvSource(little, FileEncoding.UTF_16LE, '\t');
		assertThat(source.headers()).containsExactly("Last Name", "First Name", "City");
		assertThat(source.firstRows(2).get(1).cells()).containsExactly("王 @TAG@", "伟", "北京");

		Path big = sample("contacts-utf16be-bom.csv");
		assertThat(FileEncoding.detect(big)).isEqualTo(FileEncoding.UTF_16BE);
		assertThat(CsvSource.detectDelimiter(big, FileEncoding.UTF_16BE)).isEqualTo(Delimiter.PIPE);
		assertThat(new CsvSource(big, FileEncoding.UTF_16BE, '|').firstRows(1).get(0).cells())
			.containsExactly("Müller @TAG@", "Jürgen", "Düsseldorf");
	}

	@Test
	void utf16WithoutAByteOrderMarkShowsByItsZeroBytes() throws Exception {
		Path file = write("Last Name,City\nMüller,Köln\n", StandardCharsets.UTF_16LE);
		assertThat(FileEncoding.detect(file)).isEqualTo(FileEncoding.UTF_16LE);
		Path big = write("Last Name,City\nMüller,Köln\n", StandardCharsets.UTF_16BE);
		assertThat(FileEncoding.detect(big)).isEqualTo(FileEncoding.UTF_16BE);
	}

	@Test
	void utf8WithAndWithoutAByteOrderMarkIsUtf8() throws Exception {
		Path marked = sample("contacts-utf8-bom.csv");
		assertThat(FileEncoding.detect(marked)).isEqualTo(FileEncoding.UTF_8);
		assertThat(new CsvSource(marked, FileEncoding.UTF_8, ',').headers()).containsExactly("Last Name",
				"First Name", "City");
		assertThat(FileEncoding.detect(sample("opportunities-us.csv"))).isEqualTo(FileEncoding.UTF_8);
		// plain ASCII is UTF-8 too
		assertThat(FileEncoding.detect(write("Name\nAcme\n", StandardCharsets.US_ASCII))).isEqualTo(FileEncoding.UTF_8);
	}

	@Test
	void theFirstLineThatAnEncodingDoesNotReadIsNamed() throws Exception {
		Path latin1 = write("Name,City\nAcme,Berlin\nMüller,Köln\n", StandardCharsets.ISO_8859_1);
		assertThat(FileEncoding.undecodableLine(latin1, FileEncoding.UTF_8)).isEqualTo(3);
		assertThat(FileEncoding.undecodableLine(latin1, FileEncoding.WINDOWS_1252)).isZero();
		StringBuilder many = new StringBuilder("Name\n");
		for (int i = 0; i < 20_000; i++) {
			many.append("Row ").append(i).append('\n');
		}
		many.append("Ärger\n");
		Path large = write(many.toString(), StandardCharsets.ISO_8859_1);
		assertThat(FileEncoding.undecodableLine(large, FileEncoding.UTF_8)).isEqualTo(20_002);
		assertThat(FileEncoding.undecodableLine(sample("accounts-zh-gb18030.csv"), FileEncoding.UTF_8)).isEqualTo(1);
	}

	@Test
	void encodingsAreKnownByTheNamesProgramsGiveThem() {
		assertThat(FileEncoding.named("latin1")).contains(FileEncoding.ISO_8859_1);
		assertThat(FileEncoding.named("cp1252")).contains(FileEncoding.WINDOWS_1252);
		assertThat(FileEncoding.named("Windows-1252")).contains(FileEncoding.WINDOWS_1252);
		assertThat(FileEncoding.named("WINDOWS_1252")).contains(FileEncoding.WINDOWS_1252);
		assertThat(FileEncoding.named("utf8")).contains(FileEncoding.UTF_8);
		assertThat(FileEncoding.named("GBK")).contains(FileEncoding.GB18030);
		assertThat(FileEncoding.named("gb2312")).contains(FileEncoding.GB18030);
		assertThat(FileEncoding.named("big5")).contains(FileEncoding.BIG5);
		assertThat(FileEncoding.named("EBCDIC-klingon")).isEmpty();
		assertThat(FileEncoding.named("KOI8-R")).isEmpty();
		assertThat(FileEncoding.named(" ")).isEmpty();
	}

	@Test
	void theDelimiterIsTheSeparatorTheHeaderLineHoldsMostOfOutsideQuotes() {
		assertThat(Delimiter.detect("Name,City")).isEqualTo(Delimiter.COMMA);
		assertThat(Delimiter.detect("Name;City;\"Street, No\"")).isEqualTo(Delimiter.SEMICOLON);
		assertThat(Delimiter.detect("Name\tCity\tStreet")).isEqualTo(Delimiter.TAB);
		assertThat(Delimiter.detect("Name|City|\"A;B;C\"")).isEqualTo(Delimiter.PIPE);
		assertThat(Delimiter.detect("Name")).isEqualTo(Delimiter.COMMA);
		assertThat(Delimiter.named(";")).contains(Delimiter.SEMICOLON);
		assertThat(Delimiter.named("tab")).contains(Delimiter.TAB);
		assertThat(Delimiter.named("\\t")).contains(Delimiter.TAB);
		assertThat(Delimiter.named("#")).isEmpty();
	}

	private Path write(String text, Charset charset) throws IOException {
		Path file = Files.createTempFile(folder, "file", ".csv");
		Files.write(file, text.getBytes(charset));
		return file;
	}

	static Path sample(String name) throws URISyntaxException {
		return Path.of(FileEncodingTests.class.getResource("/imports/" + name).toURI());
	}
}
