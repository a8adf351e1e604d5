// Ordinary English words (and chart shorthand) that are also given names or surnames somewhere.
// A name equal to one of these is left out of the pools: in a note, "will", "hope", "park" or "ng"
// would make a gold span nobody could defend, and a clean note could contain one by chance.

export const ENGLISH_WORDS = `
a an the and or but if of on in at to by for from with without into onto over under up down out off
is are was were be been am do does did done have has had will would shall should can could may might must
he she it we us our you your they them their his her him me my mine ours yours its this that these those
who whom what which when where why how all any some each every both few more most many much no not nor
so than too very just only also even still yet ever never once again here there then now soon later
yes ya ye oh ah um hi lo go went gone come came get got give gave take took make made see saw seen
new old big small long short tall high low far near next last first second third best good bad well
man men woman women boy girl baby son sun moon star sky rain storm snow wind cloud summer winter autumn
spring fall day night dawn dusk noon morning evening week month year today tomorrow tonight
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec
mon tue tues wed thu thur thurs fri sat sun
will bill mark grace hope faith joy rose iris ivy lily daisy violet ruby pearl amber crystal jade ginger
honey candy brandy misty dusty rusty buddy chance chase hunter mason cook baker young little white black
brown green gray grey bell hill wood woods stone king bishop price walker street ward lane page major
rich grant west north south east frank earnest sterling noble royal prince princess duke earl lord lady
bird fox wolf lamb bear crane swan hawk drake fish salmon rice bean berry cherry apple olive clay dale
glen forest river brook lake sea ocean shore cliff rock ridge field fields meadow moss bush banks bank
care cure heal sick nurse doctor chest heart head hand foot leg arm back neck hip knee gall bone blood
pulse shot shots pain payne cough fever cold hot temp pill dose pager code call line port pick drain
tube bag cath scan film ray echo lab test rapid stat weight patient case chart note room bed unit floor
wing tower hall door gate wall roof house home car van bus train plane boat ship road way path
park song shin ding fan pan tan ma pa mom dad sis bro ng le ho ha ta do oh sung yang yin kim lee
liberty justice harmony melody destiny unique precious lovely sunny happy merry charity patience
summer autumn august june april may rain
pt dc rn md np rt cna tx dx hx sx fx rx po iv im sq sc bid tid qid prn npo ed er icu ok re
mac al el de la le van von der den du di da dos das del bin ben ibn abu bar te st saint ni
love dear sweet honey angel baby doll sugar darling
ada cal hal jack jim tim tom don ron ken len ben dan sam max ray guy gil art al bud
cash penny dollar money price gold silver iron steel copper
echo delta alpha bravo charlie victor tango sierra kilo lima
mobile normal independence plain eagle orange
hospital clinic ward triage shift report order chart flag mentor epic
miles mills marsh moor heath cross church temple
christian islam hindu jewish muslim catholic
`;
