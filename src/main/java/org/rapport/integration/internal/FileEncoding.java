package org.rapport.integration.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * The encodings an imported file may be written in, as the CRMs and spreadsheets in use write them: UTF-8 (with or
 * without a byte-order mark), UTF-16 with its byte-order mark, Windows-1252 of Western European Excel and Salesforce's
 * Data Loader (which also reads Latin-1 text), ISO-8859-1 itself, GB18030 of Chinese Excel (which reads GBK and
 * GB2312), Big5 and Shift_JIS.
 */
public enum FileEncoding {

	UTF_8(StandardCharsets.UTF_8),
	UTF_16LE(StandardCharsets.UTF_16LE),
	UTF_16BE(StandardCharsets.UTF_16BE),
	WINDOWS_1252(Charset.forName("windows-1252")),
	ISO_8859_1(StandardCharsets.ISO_8859_1),
	GB18030(Charset.forName("GB18030")),
	BIG5(Charset.forName("Big5")),
	SHIFT_JIS(Charset.forName("Shift_JIS"));

	/** How many bytes of a file the detector is shown at most: enough to tell, and bounded for large files. */
	private static final int DETECTOR_BYTES = 4 << 20;

	private final Charset charset;

	FileEncoding(Charset charset) {
		this.charset = charset;
	}

	public Charset charset() {
		return charset;
	}

	/** Its name as programs know it, such as {@code windows-1252}: how a job keeps it and the API shows it. */
	public String label() {
		return charset.name();
	}

	/**
	 * The encoding of this name, in any spelling Java knows ({@code latin1}, {@code cp1252}, {@code utf8}) or as
	 * the constant's name; GBK and GB2312 name GB18030, which reads them.
	 */
	public static Optional<FileEncoding> named(String name) {
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		String wanted = name.strip();
		for (FileEncoding encoding : values()) {
			if (encoding.name().equalsIgnoreCase(wanted)) {
				return Optional.of(encoding);
			}
		}
		String upper = wanted.toUpperCase(Locale.ROOT);
		if (upper.equals("GBK") || upper.equals("GB2312") || upper.equals("CP936") || upper.equals("HZ-GB-2312")) {
			return Optional.of(GB18030);
		}
		try {
			Charset charset = Charset.forName(wanted);
			for (FileEncoding encoding : values()) {
				if (encoding.charset.equals(charset)) {
					return Optional.of(encoding);
				}
			}
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
			// not a name Java knows
		}
		return Optional.empty();
	}

	/**
	 * The encoding a file is written in: the byte-order mark decides where there is one, and UTF-16 without one
	 * shows by the zero bytes of its Latin letters; else a file that reads as UTF-8 is UTF-8; else the detector's
	 * answer among these encodings, and Windows-1252 where it names none of them.
	 */
	static FileEncoding detect(Path file) throws IOException {
		byte[] start;
		try (InputStream in = Files.newInputStream(file)) {
			start = in.readNBytes(4096);
		}
		FileEncoding marked = byMark(start);
		if (marked != null) {
			return marked;
		}
		FileEncoding wide = byZeroBytes(start);
		if (wide != null) {
			return wide;
		}
		if (undecodableLine(file, UTF_8) == 0) {
			return UTF_8;
		}
		UniversalDetector detector = new UniversalDetector();
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 16];
			int total = 0;
			int read;
			while (!detector.isDone() && total < DETECTOR_BYTES && (read = in.read(buffer)) > 0) {
				detector.handleData(buffer, 0, read);
				total += read;
			}
		}
		detector.dataEnd();
		return named(detector.getDetectedCharset()).filter(e -> e != UTF_8).orElse(WINDOWS_1252);
	}

	/**
	 * Whether the file, read in the encoding given, is no text at all: one of its first bytes is zero where the
	 * encoding writes none (every one but UTF-16), as in a spreadsheet workbook, an archive or a picture.
	 */
	static boolean isBinary(Path file, FileEncoding encoding) throws IOException {
		if (encoding == UTF_16LE || encoding == UTF_16BE) {
			return false;
		}
		byte[] start;
		try (InputStream in = Files.newInputStream(file)) {
			start = in.readNBytes(4096);
		}
		for (byte b : start) {
			if (b == 0) {
				return true;
			}
		}
		return false;
	}

	/** The encoding a byte-order mark names, or null where the file has none. */
	static FileEncoding byMark(byte[] start) {
		if (start.length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
			return UTF_8;
		}
		if (start.length >= 4 && (start[0] & 0xFF) == 0x84 && (start[1] & 0xFF) == 0x31 && (start[2] & 0xFF) == 0x95
				&& (start[3] & 0xFF) == 0x33) {
			return GB18030;
		}
		if (start.length >= 2 && (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE) {
			return UTF_16LE;
		}
		if (start.length >= 2 && (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF) {
			return UTF_16BE;
		}
		return null;
	}

	/**
	 * UTF-16 without a byte-order mark: text has no zero bytes, but UTF-16 writes one beside every Latin letter,
	 * digit and separator, after it (little-endian) or before it (big-endian).
	 */
	private static FileEncoding byZeroBytes(byte[] start) {
		int even = 0;
		int odd = 0;
		for (int i = 0; i + 1 < start.length; i += 2) {
			even += start[i] == 0 ? 1 : 0;
			odd += start[i + 1] == 0 ? 1 : 0;
		}
		int pairs = start.length / 2;
		if (pairs == 0) {
			return null;
		}
		if (odd * 3 > pairs && even == 0) {
			return UTF_16LE;
		}
		if (even * 3 > pairs && odd == 0) {
			return UTF_16BE;
		}
		return null;
	}

	/**
	 * The first line of the file (counted from 1) that holds bytes this encoding does not read, or 0 when the whole
	 * file reads.
	 */
	static long undecodableLine(Path file, FileEncoding encoding) throws IOException {
		CharsetDecoder decoder = encoding.charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.allocate(1 << 16);
		CharBuffer out = CharBuffer.allocate(1 << 16);
		long line = 1;
		try (ReadableByteChannel channel = Files.newByteChannel(file)) {
			boolean end = false;
			while (true) {
				if (!end && channel.read(in) < 0) {
					end = true;
				}
				in.flip();
				CoderResult result = decoder.decode(in, out, end);
				line += newlines(out);
				if (result.isError()) {
					return line;
				}
				in.compact();
				if (end && result.isUnderflow()) {
					decoder.flush(out);
					return 0;
				}
			}
		}
	}

	private static int newlines(CharBuffer out) {
		out.flip();
		int count = 0;
		while (out.hasRemaining()) {
			if (out.get() == '\n') {
				count++;
			}
		}
		out.clear();
		return count;
	}
}
