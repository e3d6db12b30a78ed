package io.faisca.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkSubmit;
import org.apache.spark.deploy.SparkSubmitArguments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import scala.Option;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A dry run of each {@code spark-submit} line of the README's spark-submit section: Spark's own argument
 * handling, the one {@code spark-submit} runs before it starts anything, turns the line into the class it
 * would start (Faísca's entry point in client mode, Spark's YARN or Kubernetes submission client in
 * cluster mode) and the arguments and settings it would hand on. A line Spark refuses, or one that loses
 * Faísca's command or a setting on the way, fails here.
 */
class SparkSubmitLinesTest {
  private static final Path README = Path.of("..", "README.md");
  private static final String SECTION = "## spark-submit: Faísca as a Spark application";
  private static final Pattern SH_BLOCK = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL);
  private static final String ENTRY_POINT = "io.faisca.cli.Main";

  static List<String> lines() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf(SECTION);
    String section = readme.substring(start, readme.indexOf("\n## ", start + SECTION.length()));
    List<String> lines = new ArrayList<>();
    Matcher block = SH_BLOCK.matcher(section);
    while (block.find()) {
      Stream.of(block.group(1).replace("\\\n", " ").split("\n"))
          .filter(line -> line.startsWith("spark-submit ")).forEach(lines::add);
    }
    assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
    return lines;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lines")
  void sparkSubmitHandsFaiscaItsCommand(String line) {
    List<String> words = List.of(line.strip().split("\\s+"));
    List<String> submitArgs = words.subList(1, words.size());
    int jar = indexOfJar(submitArgs);
    List<String> faiscaArgs = submitArgs.subList(jar + 1, submitArgs.size());
    assertThat(faiscaArgs.get(0)).isIn("run", "server", "sql");

    SparkSubmitArguments arguments = new SparkSubmitArguments(
        CollectionConverters.asScala(submitArgs).toList(),
        CollectionConverters.asScala(Map.of("HADOOP_CONF_DIR", "/etc/hadoop/conf")).toMap(scala.$less$colon$less$.MODULE$.refl()));
    Tuple4<scala.collection.immutable.Seq<String>, scala.collection.immutable.Seq<String>, SparkConf, String> prepared =
        new SparkSubmit().prepareSubmitEnvironment(arguments, Option.empty());
    List<String> childArgs = CollectionConverters.asJava(prepared._1());
    SparkConf conf = prepared._3();
    String mainClass = prepared._4();

    switch (mainClass) {
      case ENTRY_POINT -> assertThat(childArgs).containsExactlyElementsOf(faiscaArgs);
      case "org.apache.spark.deploy.yarn.YarnClusterApplication" -> {
        assertThat(childArgs).containsSequence("--class", ENTRY_POINT);
        // A local jar is uploaded to the application's staging directory, named by its absolute URI.
        assertThat(handedOn(childArgs, "--jar")).singleElement().asString().endsWith("/" + submitArgs.get(jar));
        assertThat(handedOn(childArgs, "--arg")).containsExactlyElementsOf(faiscaArgs);
      }
      case "org.apache.spark.deploy.k8s.submit.KubernetesClientApplication" -> {
        assertThat(childArgs).containsSequence("--main-class", ENTRY_POINT)
            .containsSequence("--primary-java-resource", submitArgs.get(jar));
        assertThat(handedOn(childArgs, "--arg")).containsExactlyElementsOf(faiscaArgs);
      }
      default -> throw new AssertionError("spark-submit would start " + mainClass + " for: " + line);
    }
    for (int i = 0; i < jar; i++) {
      if (submitArgs.get(i).equals("--conf")) {
        String[] setting = submitArgs.get(i + 1).split("=", 2);
        assertThat(conf.get(setting[0])).as(setting[0]).isEqualTo(setting[1]);
      }
    }
  }

  /** The application jar: the first argument after spark-submit's own options that is not an option's value. */
  private static int indexOfJar(List<String> submitArgs) {
    for (int i = 0; i < submitArgs.size(); i++) {
      if (submitArgs.get(i).endsWith("faisca-app.jar")) {
        return i;
      }
    }
    throw new AssertionError("No faisca-app.jar in " + submitArgs);
  }

  private static List<String> handedOn(List<String> childArgs, String flag) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i + 1 < childArgs.size(); i++) {
      if (childArgs.get(i).equals(flag)) {
        values.add(childArgs.get(++i));
      }
    }
    return values;
  }
}
