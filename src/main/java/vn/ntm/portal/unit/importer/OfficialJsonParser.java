package vn.ntm.portal.unit.importer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.portal.unit.ImportProblem;
import vn.ntm.portal.unit.UnitKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the official list of administrative units after the 2025 reform: an array of provinces, each with
 * its communes under "Wards". Streams the file so that every problem can name the line it is on.
 */
final class OfficialJsonParser {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final List<UnitRecord> records = new ArrayList<>();
    private final List<ImportProblem> problems = new ArrayList<>();

    private OfficialJsonParser() {
    }

    static ParsedFile parse(String json) {
        OfficialJsonParser parser = new OfficialJsonParser();
        try (JsonParser p = MAPPER.createParser(json)) {
            parser.readProvinces(p);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            parser.problems.add(ImportProblem.at(line, null, "unit.import.error.json", e.getOriginalMessage()));
        }
        return new ParsedFile(parser.records, parser.problems);
    }

    private void readProvinces(JsonParser p) {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            problems.add(ImportProblem.at(p.currentTokenLocation().getLineNr(), null, "unit.import.error.json.notList"));
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            readProvince(p);
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            problems.add(ImportProblem.at(p.currentTokenLocation().getLineNr(), null, "unit.import.error.json.notList"));
        }
    }

    private void readProvince(JsonParser p) {
        int line = p.currentTokenLocation().getLineNr();
        JsonNode fields = MAPPER.createObjectNode();
        List<int[]> wardLines = new ArrayList<>();
        List<JsonNode> wards = new ArrayList<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("Wards".equals(name) && value == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    wardLines.add(new int[] {p.currentTokenLocation().getLineNr()});
                    wards.add(MAPPER.readTree(p));
                }
            } else {
                ((tools.jackson.databind.node.ObjectNode) fields).set(name, MAPPER.readTree(p));
            }
        }
        UnitRecord province = toRecord(line, fields, null);
        if (province == null) {
            return;
        }
        records.add(province);
        for (int i = 0; i < wards.size(); i++) {
            JsonNode ward = wards.get(i);
            String parent = text(ward, "ProvinceCode");
            UnitRecord commune = toRecord(wardLines.get(i)[0], ward, parent != null ? parent : province.code());
            if (commune != null) {
                records.add(commune);
            }
        }
    }

    private @Nullable UnitRecord toRecord(int line, JsonNode node, @Nullable String parentCode) {
        String code = text(node, "Code");
        String name = text(node, "Name");
        String kindText = text(node, "AdministrativeUnitShortName");
        if (code == null) {
            problems.add(ImportProblem.at(line, null, "unit.import.error.missingCode"));
            return null;
        }
        if (name == null) {
            problems.add(ImportProblem.at(line, code, "unit.import.error.missingName"));
            return null;
        }
        UnitKind kind = UnitKind.parse(kindText);
        if (kind == null) {
            problems.add(ImportProblem.at(line, code, "unit.import.error.kind", kindText == null ? "" : kindText));
            return null;
        }
        return new UnitRecord(line, code, name, text(node, "NameEn"), kind, parentCode, null, null, List.of());
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }
}
