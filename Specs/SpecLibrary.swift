import Kripke

/// Every spec shipped with Kripke, in the order `kripke list` shows them: grouped by family
/// (one folder of `Specs/` per family), each correct spec followed by its buggy variants.
///
/// ```swift
/// let spec = SpecLibrary.all.first { $0.name == "ricart-agrawala" }!
/// ```
public enum SpecLibrary {
    public static let all: [SpecDefinition] =
        mutualExclusion + election + consensus + snapshots + termination + quorums + commit + ordering

    public static let mutualExclusion: [SpecDefinition] = [
        RicartAgrawala.correct,
        RicartAgrawala.tieBug,
        CentralizedMutex.correct,
        CentralizedMutex.blindGrant,
        LamportMutex.correct,
        LamportMutex.unordered,
        LamportMutex.noReplies,
        TokenRing.correct,
        TokenRing.regenerate,
        SuzukiKasami.correct,
        SuzukiKasami.outdatedRequest,
        SuzukiKasami.forgetLN,
        MajorityVoting.correct,
        MajorityVoting.half,
        MajorityVoting.amnesia,
    ]

    public static let election: [SpecDefinition] = [
        Bully.correct,
        Bully.earlyTimeout,
        RingElection.correct,
        RingElection.dropWhenParticipating,
        ChangRoberts.correct,
        ChangRoberts.forwardSmaller,
        HirschbergSinclair.correct,
        HirschbergSinclair.oneWayRelay,
        RaftElection.correct,
        RaftElection.doubleVote,
        RaftElection.splitVotes,
    ]

    public static let consensus: [SpecDefinition] = [
        Paxos.correct,
        Paxos.ignorePromisedValues,
        Paxos.acceptBelowPromise,
        PaxosDuel.duelling,
    ]

    public static let snapshots: [SpecDefinition] = [
        ChandyLamport.correct,
        ChandyLamport.noChannelState,
        ChandyLamport.lateMarkers,
    ]

    public static let termination: [SpecDefinition] = [
        EWD840.correct,
        EWD840.tokenStaysWhite,
    ]

    public static let quorums: [SpecDefinition] = [
        QuorumReplication.correct,
        QuorumReplication.lastReply,
    ]

    public static let commit: [SpecDefinition] = [
        TwoPhaseCommit.correct,
        TwoPhaseCommit.majority,
    ]

    public static let ordering: [SpecDefinition] = [
        TotalOrderMulticast.correct,
        TotalOrderMulticast.earlyDelivery,
    ]
}
