package org.newskg.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.newskg.article.Article;
import org.newskg.ingest.Ingester;

/**
 * The pure parts of the Spark job: size balancing (articles sorted by size, dealt in snake order),
 * the automatic number of partitions, and duplicate ids resolved as {@code newskg ingest} resolves them.
 */
class BalancingTest {
    static ArticleRecord article(String id, int size, String hash, long file) {
        return ArticleRecord.of(new Article(id, LocalDate.of(2024, 1, 1), null, null, null, "x".repeat(size),
            "in/" + id + "-" + file + ".txt", hash), file, 0);
    }

    @Test
    void snakeDealingBalancesPartitionsBySize() {
        Random random = new Random(5);
        List<ArticleRecord> all = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int size = random.nextDouble() < 0.05 ? 20_000 + random.nextInt(30_000) : 500 + random.nextInt(4_000);
            all.add(article("a" + i, size, "h" + i, i));
        }
        all.sort(Comparator.comparing(ShardTask::sizeKey));
        assertTrue(all.get(0).size() >= all.get(1).size(), "the size key puts the largest first");
        int n = 16;
        long[] bytes = new long[n];
        int[] count = new int[n];
        for (int i = 0; i < all.size(); i++) {
            int p = ShardTask.snake(i, n);
            bytes[p] += all.get(i).size();
            count[p]++;
        }
        long max = java.util.Arrays.stream(bytes).max().orElseThrow();
        long min = java.util.Arrays.stream(bytes).min().orElseThrow();
        long largest = all.get(0).size();
        assertTrue(max - min <= largest, "partitions differ by at most the largest article: " + (max - min));
        for (int c : count) {
            assertTrue(c == all.size() / n || c == all.size() / n + 1, "articles per partition " + c);
        }
    }

    @Test
    void snakeGoesThereAndBack() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            order.add(ShardTask.snake(i, 3));
        }
        assertEquals(List.of(0, 1, 2, 2, 1, 0, 0, 1), order);
    }

    @Test
    void automaticPartitionsAreFourPerCoreAndAtLeastOnePerThousandArticles() {
        assertEquals(8, SparkIngest.partitions(0, 25, 2));
        assertEquals(3, SparkIngest.partitions(0, 3, 2), "never more partitions than articles");
        assertEquals(10_000, SparkIngest.partitions(0, 10_000_000, 100));
        assertEquals(5, SparkIngest.partitions(5, 25, 2), "as asked");
        assertEquals(1, SparkIngest.partitions(0, 0, 2));
    }

    @Test
    void theFirstReadOfAnIdWinsAndADifferentArticleWithItIsRejectedAsIngestDoes() {
        ArticleRecord first = article("same", 10, "h1", 1);
        ArticleRecord copy = article("same", 10, "h1", 2);
        ArticleRecord other = article("same", 12, "h2", 3);
        List<ReadItem> out = SparkIngest.firstRead(List.of(other, copy, first));
        assertEquals(2, out.size());
        assertEquals(first, out.get(0).article());
        assertEquals(Ingester.duplicateId(other.article(), first.article()), out.get(1).reject().line());
        assertEquals("in/same-3.txt: article id 'same' is also used by in/same-1.txt, skipped", out.get(1).reject().line());
    }
}
