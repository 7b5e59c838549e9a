import KripkeCLI
import LockSpecs
import Specs

// `swift run lock-kripke check lock-server-eager`: Kripke's command line, with these specs too.
SpecCatalog.install(SpecLibrary.all + LockServer.all)
KripkeMain.run()
