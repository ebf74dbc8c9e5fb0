package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.ntm.portal.curriculum.LessonHtml;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lesson texts become HTML (written in the WYSIWYG editor from now on): the Markdown stored so far is converted once,
 * through the same conversion and allow-list the import uses, so every lesson has one format and one way to be shown.
 */
public class V6_1__lesson_text_as_html extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Map<Long, String> converted = new LinkedHashMap<>();
        try (Statement select = context.getConnection().createStatement();
             ResultSet rows = select.executeQuery("select id, content from curriculum_lesson where content is not null")) {
            while (rows.next()) {
                converted.put(rows.getLong(1), LessonHtml.fromMarkdown(rows.getString(2)));
            }
        }
        try (PreparedStatement update = context.getConnection().prepareStatement(
                "update curriculum_lesson set content = ? where id = ?")) {
            for (Map.Entry<Long, String> row : converted.entrySet()) {
                update.setString(1, row.getValue().isEmpty() ? null : row.getValue());
                update.setLong(2, row.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
