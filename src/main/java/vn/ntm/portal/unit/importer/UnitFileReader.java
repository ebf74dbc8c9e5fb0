package vn.ntm.portal.unit.importer;

import vn.ntm.portal.unit.ImportProblem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decides by content, not by file name, whether a file is the official JSON list or a CSV, and
 * refuses anything that is not valid UTF-8 (a CSV saved as Windows-1258 would corrupt every name).
 */
public final class UnitFileReader {

    private UnitFileReader() {
    }

    public static ParsedFile read(byte[] content) {
        String text;
        try {
            text = decodeUtf8(content);
        } catch (CharacterCodingException e) {
            return new ParsedFile(List.of(), List.of(ImportProblem.at(lineOfFirstBadByte(content), null,
                    "unit.import.error.encoding")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String trimmed = text.stripLeading();
        if (trimmed.isEmpty()) {
            return new ParsedFile(List.of(), List.of(ImportProblem.at(0, null, "unit.import.error.empty")));
        }
        char first = trimmed.charAt(0);
        return first == '[' || first == '{' ? OfficialJsonParser.parse(text) : UnitCsvParser.parse(text);
    }

    private static String decodeUtf8(byte[] content) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(content)).toString();
    }

    private static int lineOfFirstBadByte(byte[] content) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                byte[] lineBytes = java.util.Arrays.copyOfRange(content, start, i);
                try {
                    decodeUtf8(lineBytes);
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }
}
