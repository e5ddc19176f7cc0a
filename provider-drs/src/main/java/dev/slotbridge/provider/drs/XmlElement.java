package dev.slotbridge.provider.drs;

import java.util.List;
import java.util.Optional;

/**
 * A read-only XML element: local name, text and children, namespaces dropped (the gateway's answers qualify only
 * their wrapper). Small by design: the provider only walks answers by element name.
 */
record XmlElement(String name, String text, List<XmlElement> children) {

    Optional<XmlElement> child(String childName) {
        return children.stream().filter(child -> child.name().equals(childName)).findFirst();
    }

    List<XmlElement> children(String childName) {
        return children.stream().filter(child -> child.name().equals(childName)).toList();
    }

    /** The trimmed text of the first child with that name, or null when there is none or it is empty. */
    String text(String childName) {
        return child(childName).map(XmlElement::text).map(String::strip).filter(text -> !text.isEmpty()).orElse(null);
    }
}
