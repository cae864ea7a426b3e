package dev.synergylink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The BOM has no parent (so that importing it brings no test library versions), so nothing but this test keeps it
 * on the reactor's version and listing every published artifact.
 */
class BomTest {
  @Test
  void theBomListsEveryPublishedArtifactAtTheReactorsVersion() throws Exception {
    Document parent = parse(Path.of("..", "pom.xml"));
    Document bom = parse(Path.of("..", "synergylink-bom", "pom.xml"));
    String version = child(parent.getDocumentElement(), "version");
    assertThat(child(bom.getDocumentElement(), "version")).as("synergylink-bom's version").isEqualTo(version);

    List<String> published = new ArrayList<>();
    NodeList modules = parent.getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      String module = modules.item(i).getTextContent().strip();
      Document pom = parse(Path.of("..", module, "pom.xml"));
      boolean deployed = pom.getElementsByTagName("maven.deploy.skip").getLength() == 0;
      if (deployed && !module.equals("synergylink-bom")) {
        published.add(module);
      }
    }
    List<String> managed = new ArrayList<>();
    NodeList dependencies = bom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      if (child(dependency, "groupId").equals("dev.synergylink")) {
        managed.add(child(dependency, "artifactId"));
        assertThat(child(dependency, "version")).as(child(dependency, "artifactId") + "'s version in the BOM")
            .isEqualTo(version);
      }
    }

    assertThat(published).as("the published modules").contains("sync-core", "synergy-client");
    assertThat(managed).as("synergylink-bom's artifacts").containsExactlyInAnyOrderElementsOf(published);
  }

  private static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }

  /** The text of an element's direct child. */
  private static String child(Element element, String name) {
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element && children.item(i).getNodeName().equals(name)) {
        return children.item(i).getTextContent().strip();
      }
    }
    throw new AssertionError(element.getNodeName() + " has no <" + name + ">");
  }
}
