package vn.ntm.portal.curriculum;

import org.springframework.stereotype.Component;
import vn.ntm.portal.curriculum.domain.LearningModule;
import vn.ntm.portal.curriculum.domain.LessonRepository;
import vn.ntm.portal.curriculum.domain.Programme;
import vn.ntm.portal.curriculum.domain.ProgrammeRepository;
import vn.ntm.portal.curriculum.domain.Topic;
import vn.ntm.portal.curriculum.domain.TopicRepository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the summaries both services hand out, and the folded search text of a module. */
@Component
class ModuleSummaries {

    private final ProgrammeRepository programmes;
    private final TopicRepository topics;
    private final LessonRepository lessons;

    ModuleSummaries(ProgrammeRepository programmes, TopicRepository topics, LessonRepository lessons) {
        this.programmes = programmes;
        this.topics = topics;
        this.lessons = lessons;
    }

    ModuleSummary of(LearningModule m) {
        Programme programme = programmes.findById(m.getProgrammeId()).orElseThrow();
        Topic topic = topics.findById(m.getTopicId()).orElseThrow();
        return new ModuleSummary(m.getId(), m.getTitle(), m.getSummary(), programme.getId(), programme.getTitle(),
                topic.getId(), topic.getNumber(), topic.getTitle(), m.getLevels(), m.getStatus(), m.getContentVersion(),
                (int) lessons.countByModuleId(m.getId()), m.getAudience(), m.getUnitIds());
    }

    /** Summaries of a page of modules in three queries, whatever the page size. */
    List<ModuleSummary> of(List<LearningModule> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, Programme> programmeById = programmes.findAllById(page.stream().map(LearningModule::getProgrammeId).distinct().toList())
                .stream().collect(Collectors.toMap(Programme::getId, p -> p));
        Map<Long, Topic> topicById = topics.findAllById(page.stream().map(LearningModule::getTopicId).distinct().toList())
                .stream().collect(Collectors.toMap(Topic::getId, t -> t));
        Map<Long, Long> lessonCounts = new HashMap<>();
        for (Object[] row : lessons.countByModuleIds(page.stream().map(LearningModule::getId).toList())) {
            lessonCounts.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return page.stream().map(m -> {
            Programme programme = programmeById.get(m.getProgrammeId());
            Topic topic = topicById.get(m.getTopicId());
            return new ModuleSummary(m.getId(), m.getTitle(), m.getSummary(), programme.getId(), programme.getTitle(),
                    topic.getId(), topic.getNumber(), topic.getTitle(), m.getLevels(), m.getStatus(), m.getContentVersion(),
                    lessonCounts.getOrDefault(m.getId(), 0L).intValue(), m.getAudience(), m.getUnitIds());
        }).toList();
    }

    /** Title, summary, topic and programme, folded: what the catalog search looks in. */
    void index(LearningModule m) {
        Programme programme = programmes.findById(m.getProgrammeId()).orElseThrow();
        Topic topic = topics.findById(m.getTopicId()).orElseThrow();
        m.setSearchText(SearchText.fold(m.getTitle() + " | " + topic.getTitle() + " | " + programme.getTitle()
                + " | " + (m.getSummary() == null ? "" : m.getSummary())));
    }
}
