package org.newskg.cli;

/**
 * Checks that Spark is on the class path before a Spark command starts, and keeps Spark's,
 * Hadoop's and Netty's log output to errors unless {@code --verbose} asks for it.
 */
final class SparkSupport {
    private SparkSupport() {}

    static void require(boolean verbose) {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkSupport.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Apache Spark is not on the class path: run this command through ./newskg "
                + "(it adds target/spark-lib) or spark-submit");
        }
        if (!verbose) {
            for (String logger : new String[] {"org.apache.spark", "org.sparkproject", "org.apache.hadoop", "io.netty"}) {
                System.setProperty("org.slf4j.simpleLogger.log." + logger, "error");
            }
            // Hadoop brings its own StAX parser, which refuses a property Jena's RDF/XML reader sets (newskg reads no RDF/XML)
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.jena.util.JenaXMLInput", "off");
        }
    }
}
