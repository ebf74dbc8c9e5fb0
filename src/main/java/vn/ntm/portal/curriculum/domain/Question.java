package vn.ntm.portal.curriculum.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.curriculum.QuestionKind;

import java.util.ArrayList;
import java.util.List;

/** A quiz question with its options in order; options are addressed by their index. */
@Entity
@Table(name = "curriculum_question")
public class Question {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private long lessonId;
    private int position;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QuestionKind kind;
    @Column(nullable = false)
    private String text;
    private @Nullable String explanation;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "curriculum_option", joinColumns = @JoinColumn(name = "question_id"))
    @OrderColumn(name = "position")
    private List<QuizOption> options = new ArrayList<>();

    protected Question() {
    }

    public Question(long lessonId, int position, QuestionKind kind, String text, @Nullable String explanation,
                    List<QuizOption> options) {
        this.lessonId = lessonId;
        this.position = position;
        this.kind = kind;
        this.text = text;
        this.explanation = explanation;
        this.options.addAll(options);
    }

    public Long getId() {
        return id;
    }

    public long getLessonId() {
        return lessonId;
    }

    public int getPosition() {
        return position;
    }

    public QuestionKind getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    public @Nullable String getExplanation() {
        return explanation;
    }

    public List<QuizOption> getOptions() {
        return List.copyOf(options);
    }
}
