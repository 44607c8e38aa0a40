package org.drledger.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.HashAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CompactRangeTest {

    static Stream<Arguments> seeds() {
        return Stream.of(
                Arguments.of(HashAlgorithm.SHA_256, 11L),
                Arguments.of(HashAlgorithm.SHA_256, 12L),
                Arguments.of(HashAlgorithm.SM3, 13L));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("seeds")
    void rootMatchesTheFullTreeAtEverySize(HashAlgorithm alg, long seed) {
        Random rnd = new Random(seed);
        MerkleHasher h = new MerkleHasher(alg);
        CompactRange range = new CompactRange(h);
        InMemoryMerkleTree tree = new InMemoryMerkleTree(alg);
        assertThat(range.root()).isEqualTo(tree.root()).isEqualTo(h.emptyRoot());
        for (int i = 0; i < 1100; i++) {
            byte[] d = new byte[rnd.nextInt(40)];
            rnd.nextBytes(d);
            long index;
            if (rnd.nextBoolean()) {
                index = range.append(d);
            } else {
                index = range.appendLeafHash(h.leafHash(d));
            }
            assertThat(index).isEqualTo(i);
            tree.append(d);
            assertThat(range.size()).isEqualTo(i + 1);
            assertThat(range.root()).as("size %d", i + 1).isEqualTo(tree.root());
            assertThat(range.subtreeHashes()).hasSize(Long.bitCount(i + 1));
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("seeds")
    void listenerReportsExactlyTheNodesOfTheFullTree(HashAlgorithm alg, long seed) {
        Random rnd = new Random(seed);
        Rfc6962Reference ref = new Rfc6962Reference(alg);
        int n = 300 + rnd.nextInt(300);
        List<byte[]> data = new ArrayList<>();
        Map<String, byte[]> reported = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        CompactRange range = new CompactRange(new MerkleHasher(alg), (level, index, hash) -> {
            String key = level + "/" + index;
            assertThat(reported.put(key, hash.clone())).as("reported twice: %s", key).isNull();
            order.add(key);
        });
        for (int i = 0; i < n; i++) {
            byte[] d = new byte[rnd.nextInt(16)];
            rnd.nextBytes(d);
            data.add(d);
            int before = order.size();
            range.append(d);
            // Leaf first, then each closed node upwards: as many as the trailing ones of i, plus the leaf.
            List<String> these = order.subList(before, order.size());
            assertThat(these).hasSize(1 + Long.numberOfTrailingZeros(~(long) i));
            for (int l = 0; l < these.size(); l++) {
                assertThat(these.get(l)).isEqualTo(l + "/" + (i >>> l));
            }
        }
        int expectedCount = 0;
        for (int level = 0; (1 << level) <= n; level++) {
            for (int index = 0; (index + 1) << level <= n; index++) {
                expectedCount++;
                byte[] hash = reported.get(level + "/" + index);
                assertThat(hash).as("node %d/%d reported", level, index).isNotNull();
                assertThat(hash).as("node %d/%d", level, index)
                        .isEqualTo(ref.mth(data.subList(index << level, (index + 1) << level)));
            }
        }
        assertThat(reported).hasSize(expectedCount);
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void restoredRangeContinuesLikeTheOriginal(HashAlgorithm alg) {
        MerkleHasher h = new MerkleHasher(alg);
        Random rnd = new Random(alg.ordinal());
        CompactRange original = new CompactRange(h);
        for (int size = 0; size < 200; size++) {
            CompactRange restored = CompactRange.restore(new MerkleHasher(alg), original.size(),
                    original.subtreeHashes(), null);
            assertThat(restored.size()).isEqualTo(original.size());
            assertThat(restored.root()).isEqualTo(original.root());
            byte[] d = new byte[8];
            rnd.nextBytes(d);
            original.append(d);
            restored.append(d);
            assertThat(restored.root()).isEqualTo(original.root());
            assertThat(restored.subtreeHashes()).usingElementComparator(Arrays::compare)
                    .containsExactlyElementsOf(original.subtreeHashes());
        }
    }

    @Test
    void restoreReportsNodesCompletedAfterTheRestart() {
        InMemoryMerkleTree tree = MerkleFormatsReferenceTest.eightLeafTree();
        List<String> seen = new ArrayList<>();
        CompactRange r = CompactRange.restore(new MerkleHasher(HashAlgorithm.SHA_256), 7, tree.subtreeHashesAt(7),
                (level, index, hash) -> seen.add(level + "/" + index + "=" + Hex.encode(hash)));
        r.append(Hex.decode(MerkleFormatsReferenceTest.LEAF_DATA[7]));
        assertThat(seen).containsExactly(
                "0/7=" + MerkleFormatsReferenceTest.L[7],
                "1/3=" + MerkleFormatsReferenceTest.N67,
                "2/1=" + MerkleFormatsReferenceTest.N47,
                "3/0=" + MerkleFormatsReferenceTest.ROOTS[8]);
    }

    @Test
    void restoreRejectsInconsistentState() {
        MerkleHasher h = new MerkleHasher(HashAlgorithm.SHA_256);
        byte[] x = new byte[32];
        assertThatThrownBy(() -> CompactRange.restore(h, 5, List.of(x), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 perfect subtrees");
        assertThatThrownBy(() -> CompactRange.restore(h, 4, List.of(x, x), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompactRange.restore(h, 0, List.of(x), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompactRange.restore(h, 3, List.of(x, new byte[31]), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subtree hash 1");
        assertThatThrownBy(() -> CompactRange.restore(h, 3, Arrays.asList(x, null), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompactRange.restore(h, -1, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CompactRange.restore(h, 0, List.of(), null).root()).isEqualTo(h.emptyRoot());
    }

    @Test
    void restoredStateIsCopiedNotShared() {
        MerkleHasher h = new MerkleHasher(HashAlgorithm.SHA_256);
        byte[] x = new byte[32];
        CompactRange r = CompactRange.restore(h, 1, List.of(x), null);
        x[0] = 1;
        assertThat(r.root()).isEqualTo(new byte[32]);
        r.subtreeHashes().get(0)[0] = 2;
        assertThat(r.root()).isEqualTo(new byte[32]);
    }

    @Test
    void aThrowingListenerLeavesTheRangeUnchanged() {
        MerkleHasher h = new MerkleHasher(HashAlgorithm.SHA_256);
        boolean[] fail = {false};
        CompactRange r = new CompactRange(h, (level, index, hash) -> {
            if (fail[0] && level == 1) {
                throw new IllegalStateException("disk full");
            }
        });
        r.append(new byte[]{1});
        byte[] before = r.root();
        fail[0] = true;
        assertThatThrownBy(() -> r.append(new byte[]{2})).hasMessage("disk full");
        assertThat(r.size()).isEqualTo(1);
        assertThat(r.root()).isEqualTo(before);
        fail[0] = false;
        r.append(new byte[]{2});
        assertThat(r.root()).isEqualTo(h.nodeHash(h.leafHash(new byte[]{1}), h.leafHash(new byte[]{2})));
    }

    @Test
    void leafHashesOfTheWrongLengthAreRejected() {
        CompactRange r = new CompactRange(new MerkleHasher(HashAlgorithm.SM3));
        assertThatThrownBy(() -> r.appendLeafHash(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.appendLeafHash(new byte[33])).isInstanceOf(IllegalArgumentException.class);
        assertThat(r.size()).isZero();
    }
}
