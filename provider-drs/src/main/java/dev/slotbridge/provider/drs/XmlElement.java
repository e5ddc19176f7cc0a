package dev.slotbridge.provider.drs;

import java.util.List;
import java.util.Optional;

/**
 * A read-only XML element: local name, text and children, namespaces dropped (the gateway's answers qualify only
 * their wrapper). Small by design: the provider only walks answers by element name.
 */
record XmlElement(String name, String text, List<XmlElement> children) implements DrsReturn {

    @Override
    public String status() {
        return text("status");
    }

    @Override
    public String errorMsg() {
        return text("errorMsg");
    }

    Optional<XmlElement> child(String childName) {
        return Optional.ofNullable(first(childName));
    }

    List<XmlElement> children(String childName) {
        return children.stream().filter(child -> child.name().equals(childName)).toList();
    }

    /** The trimmed text of the first child with that name, or null when there is none or it is empty. */
    String text(String childName) {
        XmlElement child = first(childName);
        String text = child == null ? "" : child.text().strip();
        return text.isEmpty() ? null : text;
    }

    /** A plain loop: answers are walked field by field, 40 times per week of slots, so no stream per lookup. */
    private XmlElement first(String childName) {
        for (XmlElement child : children) {
            if (child.name().equals(childName)) {
                return child;
            }
        }
        return null;
    }
}
