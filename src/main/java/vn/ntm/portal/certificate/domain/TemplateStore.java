package vn.ntm.portal.certificate.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Certificate templates in plain SQL. */
@Repository
public class TemplateStore {

    private static final String COLUMNS = "id, class_id, programme, unit_id, unit_path, title, office_name, office_code, signer_name,"
            + " signer_title, place, wording, hours, seal is not null, version, auto_issue, module_id";

    public record Row(long id, @Nullable Long classId, @Nullable String programme, long unitId, String unitPath, String title,
                      String officeName, String officeCode, String signerName, String signerTitle, @Nullable String place,
                      String wording, @Nullable Integer hours, boolean hasSeal, long version, boolean autoIssue,
                      @Nullable Long moduleId) {
    }

    public record Seal(byte[] bytes, String type) {
    }

    private final JdbcTemplate jdbc;

    TemplateStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(long id) {
        return jdbc.query("select " + COLUMNS + " from certificate_template where id = ?", TemplateStore::row, id).stream().findFirst();
    }

    public Optional<Row> ofClass(long classId) {
        return jdbc.query("select " + COLUMNS + " from certificate_template where class_id = ?", TemplateStore::row, classId)
                .stream().findFirst();
    }

    /** The template of an online module. */
    public Optional<Row> ofModule(long moduleId) {
        return jdbc.query("select " + COLUMNS + " from certificate_template where module_id = ?", TemplateStore::row, moduleId)
                .stream().findFirst();
    }

    /** The programme's template of the nearest unit at or above the class's unit. */
    public Optional<Row> ofProgramme(String programme, String classUnitPath) {
        return jdbc.query("select " + COLUMNS + " from certificate_template where class_id is null and programme = ?"
                        + " and ? like concat(unit_path, '%') order by length(unit_path) desc limit 1", TemplateStore::row,
                programme, classUnitPath).stream().findFirst();
    }

    public Optional<Seal> seal(long id) {
        return jdbc.query("select seal, seal_type from certificate_template where id = ? and seal is not null",
                (rs, i) -> new Seal(rs.getBytes(1), rs.getString(2)), id).stream().findFirst();
    }

    public long insert(Row r, Instant at) {
        jdbc.update("""
                insert into certificate_template (class_id, programme, unit_id, unit_path, title, office_name, office_code, signer_name,
                  signer_title, place, wording, hours, auto_issue, module_id, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r.classId(), r.programme(), r.unitId(), r.unitPath(), r.title(), r.officeName(), r.officeCode(), r.signerName(),
                r.signerTitle(), r.place(), r.wording(), r.hours(), r.autoIssue(), r.moduleId(), Timestamp.from(at));
        Long id = jdbc.queryForObject("select last_insert_id()", Long.class);
        return id == null ? 0 : id;
    }

    /** Saves the texts against the version the editor saw; false when someone changed the template meanwhile. */
    public boolean update(Row r, Instant at) {
        return jdbc.update("""
                update certificate_template set title = ?, office_name = ?, office_code = ?, signer_name = ?, signer_title = ?,
                  place = ?, wording = ?, hours = ?, auto_issue = ?, updated_at = ?, version = version + 1 where id = ? and version = ?""",
                r.title(), r.officeName(), r.officeCode(), r.signerName(), r.signerTitle(), r.place(), r.wording(), r.hours(), r.autoIssue(),
                Timestamp.from(at), r.id(), r.version()) == 1;
    }

    public void setSeal(long id, byte[] bytes, String type, Instant at) {
        jdbc.update("update certificate_template set seal = ?, seal_type = ?, updated_at = ?, version = version + 1 where id = ?",
                bytes, type, Timestamp.from(at), id);
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        long classId = rs.getLong(2);
        Long cls = rs.wasNull() ? null : classId;
        return new Row(rs.getLong(1), cls, rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                (Integer) rs.getObject(13, Integer.class), rs.getBoolean(14), rs.getLong(15), rs.getBoolean(16),
                (Long) rs.getObject(17, Long.class));
    }
}
