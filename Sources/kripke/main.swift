import KripkeCLI
import Specs

SpecCatalog.install(SpecLibrary.all)
KripkeMain.run()
