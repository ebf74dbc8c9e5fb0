package vn.ntm.portal.person.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.ntm.portal.person.PersonDetails;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Persons read and written many at a time, for roster files of thousands of rows: a fixed number of statements
 * per few hundred rows instead of several per row. The rules are those of the single-row look-ups in
 * {@link PersonRepository}; the comparisons stay in SQL so that they follow the column collation exactly.
 */
@Repository
public class PersonBatches {

    /** Values per IN list or per multi-row statement: well under the server's packet and placeholder limits. */
    static final int CHUNK = 500;

    private final JdbcTemplate jdbc;

    PersonBatches(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every record of these persons: themselves, the records they were merged into and the records merged into them. */
    public List<Long> recordsOfSamePersons(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Set<Long> all = new java.util.LinkedHashSet<>(ids);
        all.addAll(jdbc.queryForList("select merged_into from person where merged_into is not null and id in (" + marks(ids.size()) + ")",
                Long.class, ids.toArray()));
        List<Long> canonical = List.copyOf(all);
        all.addAll(jdbc.queryForList("select id from person where merged_into in (" + marks(canonical.size()) + ")", Long.class,
                canonical.toArray()));
        return List.copyOf(all);
    }

    /** Stored person per national ID, for the IDs that have one. */
    public Map<String, Long> byNationalIds(Collection<String> nationalIds) {
        Map<String, Long> found = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(nationalIds))) {
            jdbc.query("select national_id, id from person where national_id in (" + marks(chunk.size()) + ")",
                    rs -> {
                        found.put(rs.getString(1), rs.getLong(2));
                    }, chunk.toArray());
        }
        return found;
    }

    /** An unmerged person who gives a phone, with their national ID if known. */
    public record PhoneHolder(long id, @Nullable String nationalId) {
    }

    /**
     * Every unmerged person per normalised phone (oldest first), for the phones that have one: a household phone is
     * shared, so one phone may name several people.
     */
    public Map<String, List<PhoneHolder>> byPhones(Collection<String> phones) {
        Map<String, List<PhoneHolder>> found = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(phones))) {
            jdbc.query("select phone, id, national_id from person where merged_into is null and phone in (" + marks(chunk.size())
                    + ") order by id", rs -> {
                        found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new PhoneHolder(rs.getLong(2), rs.getString(3)));
                    }, chunk.toArray());
        }
        return found;
    }

    /** Name, birth year and commune of a row that is looked for as a possible duplicate. */
    public record Lookalike(String fullName, int birthYear, long communeId) {
    }

    /**
     * The first unmerged person with the same name (as the column compares it), birth year and commune, per
     * position in {@code wanted}: the rows are joined to the table in SQL, a few hundred at a time.
     */
    public Map<Integer, Long> lookalikes(List<Lookalike> wanted) {
        Map<Integer, Long> found = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            List<Lookalike> chunk = wanted.subList(from, Math.min(wanted.size(), from + CHUNK));
            StringBuilder rows = new StringBuilder();
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                rows.append(i == 0 ? "select ? as idx, ? as full_name, ? as birth_year, ? as commune_id" : " union all select ?, ?, ?, ?");
                Lookalike l = chunk.get(i);
                args.add(from + i);
                args.add(l.fullName());
                args.add(l.birthYear());
                args.add(l.communeId());
            }
            // driven by the wanted rows, one look-up each in the name index: with the table's statistics the optimizer
            // would otherwise scan everyone of a commune for each row once a commune holds thousands of persons
            jdbc.query("select straight_join w.idx, min(p.id) from (" + rows + ") w join person p force index (ix_person_name) on p.full_name = w.full_name "
                    + "and p.birth_year = w.birth_year and p.commune_id = w.commune_id where p.merged_into is null group by w.idx",
                    rs -> {
                        found.put(rs.getInt(1), rs.getLong(2));
                    }, args.toArray());
        }
        return found;
    }

    /** Inserts new persons, a few hundred per statement; returns their IDs in the order given. */
    public List<Long> insertAll(List<PersonDetails> persons, Instant at) {
        List<Long> ids = new ArrayList<>(persons.size());
        Timestamp now = Timestamp.from(at);
        for (List<PersonDetails> chunk : chunks(persons)) {
            StringBuilder sql = new StringBuilder("insert into person (full_name, gender, birth_year, phone, national_id, commune_id, "
                    + "position, trainee_level, organisation, created_at) values ");
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PersonDetails d = chunk.get(i);
                args.add(d.fullName());
                args.add(name(d.gender()));
                args.add(d.birthYear());
                args.add(d.phone());
                args.add(d.nationalId());
                args.add(d.communeId());
                args.add(d.position());
                args.add(name(d.level()));
                args.add(d.organisation());
                args.add(now);
            }
            // MariaDB returns the generated keys of a multi-row insert in the order of its rows
            ids.addAll(jdbc.query(sql.append(" returning id").toString(), (rs, n) -> rs.getLong(1), args.toArray()));
        }
        return ids;
    }

    /**
     * Adds to stored persons what a file tells and they did not know, without overwriting anything (as
     * {@link Person#fillGaps} does); the version goes up only where something was filled in.
     */
    public void fillGapsAll(Map<Long, PersonDetails> details) {
        List<Map.Entry<Long, PersonDetails>> all = new ArrayList<>(details.entrySet());
        for (List<Map.Entry<Long, PersonDetails>> chunk : chunks(all)) {
            // one statement per few hundred persons: what the file says, joined to the stored rows by ID
            StringBuilder rows = new StringBuilder();
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                rows.append(i == 0 ? "select ? as id, ? as gender, ? as birth_year, ? as phone, ? as national_id, ? as commune_id, "
                        + "? as position, ? as trainee_level, ? as organisation" : " union all select ?, ?, ?, ?, ?, ?, ?, ?, ?");
                PersonDetails d = chunk.get(i).getValue();
                args.add(chunk.get(i).getKey());
                args.add(name(d.gender()));
                args.add(d.birthYear());
                args.add(d.phone());
                args.add(d.nationalId());
                args.add(d.communeId());
                args.add(d.position());
                args.add(name(d.level()));
                args.add(d.organisation());
            }
            jdbc.update("update person p join (" + rows + ") w on p.id = w.id set p.version = p.version + 1, "
                    + "p.gender = coalesce(p.gender, w.gender), p.birth_year = coalesce(p.birth_year, w.birth_year), "
                    + "p.phone = coalesce(p.phone, w.phone), p.national_id = coalesce(p.national_id, w.national_id), "
                    + "p.commune_id = coalesce(p.commune_id, w.commune_id), p.position = coalesce(p.position, w.position), "
                    + "p.trainee_level = coalesce(p.trainee_level, w.trainee_level), p.organisation = coalesce(p.organisation, w.organisation) "
                    // only the rows where something is filled in, so that the version says "changed"
                    + "where (p.gender is null and w.gender is not null) or (p.birth_year is null and w.birth_year is not null) "
                    + "or (p.phone is null and w.phone is not null) or (p.national_id is null and w.national_id is not null) "
                    + "or (p.commune_id is null and w.commune_id is not null) or (p.position is null and w.position is not null) "
                    + "or (p.trainee_level is null and w.trainee_level is not null) "
                    + "or (p.organisation is null and w.organisation is not null)", args.toArray());
        }
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
