package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who took part in a class, with the names a certificate prints, and whether they completed it. The verdict is
 * {@link Participations}' (the class's completion rule, decided in one place); this adds only the names.
 */
@Service
public class ClassCompletions {

    /** One trainee of the class: sessions attended (present or late) of the class's sessions, and the verdict. */
    public record Participant(long personId, String fullName, @Nullable Integer birthYear, @Nullable String communeName,
                              int sessionsAttended, int sessions, boolean completed) {
    }

    private final JdbcTemplate jdbc;
    private final Participations participations;
    private final vn.ntm.portal.training.domain.TrainingClassRepository classes;
    private final ClassService classService;

    ClassCompletions(JdbcTemplate jdbc, Participations participations, vn.ntm.portal.training.domain.TrainingClassRepository classes,
                     ClassService classService) {
        this.jdbc = jdbc;
        this.participations = participations;
        this.classes = classes;
        this.classService = classService;
    }

    /**
     * A class as certificates issued without a signed-in user need it (automatic issue, from a listener): no scope
     * check, so never behind a page. Empty when there is no such class.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<ClassSummary> classForListener(long classId) {
        return classes.findById(classId).map(classService::toSummary);
    }

    /** These trainees of a class (null: all), with their names and verdicts, for a listener (no scope check). */
    @Transactional(readOnly = true)
    public List<Participant> participantsForListener(long classId, @Nullable List<Long> personIds) {
        return named(classId, participations.of(classId, personIds));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<Participant> participants(long classId) {
        // scoped: refuses a class the caller may not read
        return named(classId, participations.ofClass(classId));
    }

    private List<Participant> named(long classId, List<ParticipationView> views) {
        Map<Long, ParticipationView> byPerson = views.stream()
                .collect(Collectors.toMap(ParticipationView::personId, Function.identity(), (a, b) -> a));
        if (byPerson.isEmpty()) {
            return List.of();
        }
        String ids = byPerson.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
        // the commune the class's roster recorded for them, else the person's own
        List<Participant> result = new ArrayList<>(jdbc.query("""
                select p.id, p.full_name, p.birth_year, u.name
                from person p left join roster_entry r on r.person_id = p.id and r.class_id = ?
                  left join administrative_unit u on u.id = coalesce(r.commune_id, p.commune_id)
                where p.id in (%s)""".formatted(ids), (rs, i) -> {
            ParticipationView view = byPerson.get(rs.getLong(1));
            return new Participant(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class), rs.getString(4),
                    view.attendedSessions(), view.sessions(), view.completed());
        }, classId));
        result.sort(Comparator.comparing(Participant::fullName).thenComparingLong(Participant::personId));
        return result;
    }
}
