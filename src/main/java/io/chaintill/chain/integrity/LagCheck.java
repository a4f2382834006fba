package io.chaintill.chain.integrity;

import java.util.ArrayList;
import java.util.List;

/** A source more than {@code lagBlocks} behind the best tip any source reports is stuck, slow or cut off. */
public final class LagCheck {
    private LagCheck() {
    }

    public static List<Condition> judge(String chain, List<SourceTip> tips, int lagBlocks) {
        int best = tips.stream().mapToInt(t -> t.tip().height()).max().orElse(0);
        String leader = tips.stream().filter(t -> t.tip().height() == best).map(SourceTip::source).findFirst().orElse("");
        List<Condition> out = new ArrayList<>();
        for (SourceTip t : tips) {
            int behind = best - t.tip().height();
            if (behind > lagBlocks) {
                out.add(new Condition(chain, AlertKind.LAG, List.of(t.source()), t.tip().height(),
                        List.of(t.tip().hash()), t.source() + " is " + behind + " block(s) behind " + leader
                        + " (tip " + t.tip().height() + " vs " + best + ", allowed " + lagBlocks + ")"));
            }
        }
        return out;
    }
}
