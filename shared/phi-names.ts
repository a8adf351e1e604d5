// Name lists for the identifier detector, lower case, space separated.
//
// Source: drawn from the public-domain US Census Bureau surname frequency list
// (2010 census, most common surnames) and the Social Security Administration's
// baby-name counts (1880 onwards), widened by hand with common given names and
// surnames of Hispanic, African, African-American, South and East Asian, Slavic,
// Arabic, Persian, Turkish, Jewish, Nordic and European origin, since a US
// patient population is not the census top list alone. Public domain; no
// personal data (these are frequency-list names, not people).
//
// Kept as one string per list so the bundle stays small (~22 KB) and
// the Sets are built only on first use.

const FIRST = `
aaliyah aarav aaron abdoulaye abdullah abebe abel abena abigail abraham achieng ada adaeze adam adebayo adela
adelaide adele adeline aditi aditya adnan adolfo adrian adriana adrienne adwoa agatha agnes agnieszka agustin
ahmed aida aiden aiko aileen aimee ainsley aisha ajay akash akinyi akira akosua alan alana alani albert
alberta alberto alda alden alec alejandra alejandro alessandra alexa alexander alexandra alexandria alexei
alexis alfonso alfred alfreda alfredo ali alice alicia alina alisha alison alissa alla allan allison allyson
alma almaz alondra althea alton alva alvin alyssa ama amalia amanda amani amara amari amber amelia amina
aminata amir amit amos amy an ana ananya anastasia anatoly andre andrea andrei andres andrew andrzej andy
angel angela angelica angelina angelo angie anh anil anita anjali ankit ann anne anna annabelle annette annie
anthony antoine anton antonia antonio anwar april araceli archie arely aria ariana ariel arjun arlene arlo
armando arnold artem arthur arturo aruna asha asher ashley ashlyn ashok aster aubrey audra audrey augustine
augustus aurelia aurelio aurora austin autumn ava avery awa axel ayesha ayodele babatunde bao baraka barbara
barry basil beatrice beatriz beau belinda bella ben benito benjamin benny bentley bernadette bernard bernardo
bernice bert bertha bessie bethany betsy betty beulah beverly bianca bilal billy blair blake blanca bo bobby
bohdan bonnie boris boyd bozena bradford bradley brady brandi brandon brenda brendan brent bret brett brian
briana brianna bridget britney brittany brock brooke brooklyn brooks bruce bryan bryant bryce bryson bukola
byron caitlin caleb callie calvin cameron camila camille candace cara carl carla carlos carlton carly carmela
carmella carmen carol carole caroline carolyn carrie carson carter casey cassandra cassidy catalina catherine
cathy cecelia cecil cecilia cedric celeste celia celina cesar chad chance chandler charity charlene charles
charlie charlotte chase chelsea chen cheryl chester cheyenne chidi chinedu chioma chloe chris christa christi
christian christie christina christine christopher christy ciara cindy claire clara clarence clarissa claude
claudette claudia clay clayton clement cletus cliff clifford clifton clint clinton clyde cody colby cole colin
colleen collin colton conner connie connor conrad constance consuelo cora corey corinne cornelius courtney
craig cristina crystal curtis cynthia cyrus daisuke daisy dakota dale dalia dallas damian damon dana dane
daniel daniela danielle danny dante daphne darcy daria darius darlene darnell darrell darren darryl daryl
david dawit dawn dean deandre deanna debbie deborah debra declan deepak deirdre deja delbert delia della
delores demetrius demi denis denise dennis derek derrick deshawn desiree desmond desta destiny devin devon
devonte dewayne dewey dexter diamond diana diane dianne diego dillon dina dinesh dion divya dixie diya dmitri
dolly dolores dominic dominique don donald dongwoo donna donnell donovan dora doreen dorian doris dorota
dorothy doug douglas drew duane duc dung dustin dwayne dwight dylan earl easton ebony eddie edgar edith edmund
edna eduardo edward edwin effie efrain efua eileen ekaterina elaine elbert eldon eleanor elena eli elias
elijah elisa elise eliza elizabeth ella ellen ellie elliot elliott ellis elmer eloise elsa elsie elton elvira
elvis emanuel emeka emerson emery emi emil emilia emilio emily emma emmanuel emmett enid enrique eric erica
erik erika erin erma ernest ernestine errol ervin esmeralda esperanza esteban estela estella estelle esther
ethan ethel etta eugene eugenia eula eun eunice eva evan evangeline evelyn everett everly ewa ezra fabian
faisal faith fang fannie farah farid fatima fatou fay felicia felipe felix femi feng fern fernanda fernando
flora florence floyd folasade forrest frances francine francis francisco frank fred freda freddie frederick
funmilayo gabriel gabriela gabriella gail galina ganesh gang garrett gary gavin gayle geeta gene genesis
genevieve george georgia georgina gerald geraldine gerard gertrude gilbert gilberto gina ginger giovanni
gladys glen glenda glenn gloria gopal gordon grace graciela grady graham grayson grazyna gregory greta
gretchen greyson grigori guadalupe guillermo gustavo gwen gwendolyn ha hadi hai haile hailey hal halina hamza
hana hank hannah hao harish harley harold harper harriet harry haruto harvey hassan hattie hazel heath heather
hector heidi helen henry herbert herman hernan hiba hilda hillary hiroshi hoa hollis holly homer hong hope
horace howard hua hubert huda hudson hugh hui hung hunter huong hussein hye hyejin hyun ian ibrahim ibrahima
ida ifeoma ignacio igor ike ikenna ilene iman imani imelda imogene imran ina ines inez ingrid inna ira irene
irina iris irma irving isaac isabel isabella isabelle isaiah isha isidro ismael ivan ivy jace jack jackie
jacklyn jaclyn jacob jacqueline jada jadwiga jae jaime jake jakub jalen jamal james jamil jamila jan jana jane
janelle janet janice janie janine jared jarrod jasmine jason jasper javier javon jaxon jay jayden jaylen jayne
jean jeanette jeanne jeannie jeff jeffrey jenna jennifer jenny jeremiah jeremy jeri jermaine jerome jerry
jesse jessica jessie jesus ji ji-hoon jie jill jillian jim jimmie jimmy jin jing jiwoo jiyeon jo joan joann
joanna joanne joaquin jodi jody joe joel joey johanna john johnnie johnny jolene jon jonas jonathan jordan
jorge jose josefina joseph josephine josh joshua josiah joy joyce juan juana juanita jude judith judy julia
julian juliana julianne julie julio julius juma jun june justin justine jyoti kadiatou kai kaito kamal kamala
kamau kara kareem karen kari karim karina karl karla katarzyna kate katelyn katherine kathleen kathryn kathy
katie katrina kavita kay kayla keiko keisha keith kelley kelli kellie kelly kelsey kemi ken kendra kendrick
kenji kennedy kenneth kenny kent kenta kenya kerry keshawn keshia kevin khadija khalid khanh kiara kim
kimberley kimberly kinsley kiran kirk kofi kojo konstantin kris krishna krista kristen kristi kristin kristina
kristine kristy krystal krystyna krzysztof ksenia kurt kwame kwasi kyla kyle kyung lacey lakisha lakshmi lamar
lamont lan lana lance landon lara larisa larry latasha latisha latoya laura lauren laurie laverne lawrence
layla leah lee leela lei leigh leila lela leland lena leo leon leona leonard leonel lerato leroy leslie lester
leticia levi lewis li liam lila lillian lillie lily lina lincoln linda lindsay lindsey ling linh lionel lisa
lloyd logan lois lola long lonnie lora loren lorena lorene lorenzo loretta lori lorraine lottie lou louis
louisa louise lourdes lowell lucas lucia luciana lucille lucinda lucy ludmila luella luis luke lula lupita
luther luz lydia lyle lynette lynn lyudmila mabel mack madeline madge madison mae magdalena maggie maha mahesh
mahmoud mai majid malcolm malgorzata malik mamadou mandy manoj manuel marc marcella marcia marcie marco marcus
marcy marek margaret margarita margie maria mariah mariam mariama marian marianne maribel marie marilyn marina
mario marion marisa marisela marisol marjorie mark marlene marlon marquis marsha marshall marta martha martin
marty marvin mary maryann maryanne mason mateo mathew matt matthew mattie maude maureen maurice maverick mavis
max maxim maxine may maya maynard meagan meera megan mei melanie melba melinda melissa melody melvin mercedes
meredith merle meron mervin mia micah michael micheal michele michelle mickey miguel mika mike mikhail mildred
miles milton min mindy minerva ming minh minjun minnie miranda miriam misty mitchell mohammed mohan molly mona
monica monique morgan morris moses moussa muhammad muriel mustafa mwangi mykola myra myron myrtle nabil
nadezhda nadia nadine nam nancy nandini naoki naomi nasser natalia natalie natasha nathan nathaniel naveen
neal neema neha neil nell nellie nelson nettie nevaeh ngoc ngozi nia nicholas nichole nick nicolas nicole
nikhil nikolai nina nisha njeri nkechi nnamdi noah noel nola nolan nomvula noor nora norbert noreen norma
norman nour nova obinna ofelia oksana oleg oleksandr olga olive oliver olivia ollie olumide oluwaseun omar
opal ora orlando orville osama oscar otieno otis ousmane owen pablo padma paisley pam pamela paola pat
patricia patrick patsy patti patty paul paula paulette pauline pavel pawel pearl pedro peggy penelope penny
percy perry pete peter petro phil philip phoebe phuong phyllis pilar ping piotr piper polina pooja pradeep
precious priscilla priya qiang qing quang quentin quinn rachael rachel radha rafael rahul raj rajesh rakesh
ralph ramesh rami ramiro ramon ramona rana randall randolph randy rani rania raquel rasha rashad rashid raul
raven ravi raymond rebecca reem reggie reginald rekha ren rene renee rex reyna rhonda ricardo richard rick
rickey ricky riley rin rita riya rob robbie robert roberta roberto robin robyn rochelle rocio rocky roderick
rodney rodrigo rogelio roger rohan roland rolando roman ron ronald ronnie rosa rosalie rosalind rosalyn
rosario roscoe rose rosemarie rosemary rosie ross rowan rowena roxanne roy ruben ruby rudolph rudy rufus
ruslan russ russell ruth ruthie ryan ryder sabrina sachin sadie safiya said sakura salim sallie sally salma
salvador salvatore sam samantha sami samir samira sammy samuel sandeep sandra sandy sanjay santiago santos
sapna sara sarah satoshi saul savannah savita sawyer scarlett scott scotty sean sebastian segun sekou selam
selma seojun seoyeon serenity sergei sergio seth seung shalini shana shane shanice shaniqua shannon shanti
shaquana shari sharon shaun shawanda shawn shawna sheila shelby shelia shelley shelly sheri sherman sherri
sherry sheryl shirley shreya sidney silas silvia simon simone sipho sita skylar socorro sofia soledad son
sonia sonja sonya soo sophia sophie soraya sota spencer stacey stacy stan stanislav stanislaw stanley stefan
stella stephan stephanie stephen steven stuart sue summer sung sunhee sunil sunita suresh susan susie suzanne
svetlana swati sybil sylvester sylvia tabitha takashi takumi tamara tameka tamika tammy tanisha tanya tao tara
taras tarek tariq tasha tatiana tavon ted teddy terence teresa teri terrell terrence terri terry tessa thabo
thad thandiwe thanh thao thelma themba theo theodore theresa thomas thuy tiana tiffany tigist tim timmy
timothy tina toby todd tom tomas tomasz tommy toni tony tonya torrance tracey traci tracy trang travis
tremaine trent trevon trevor tricia trina trisha troy trudy tsegaye tuan tunde ty tyler tyrone uchenna una
ursula usha vadim valarie valentina valeria valerie van vanessa vasily velma vera verna vernon veronica vicki
vickie vicky victor victoria vijay vikram viktor vince vincent vinh viola violet virgil virginia vivek vivian
vladimir volodymyr wade walid wallace walter wambui wanda wanjiru warren waylon wayne wei wendell wendy wesley
weston whitney wilbert wilbur wilfred willa willard william willie willis willow wilma winifred winston
wojciech wyatt xavier ximena xin xiu yan yasmin yaw yesenia yetunde yevgeny yi ying yohannes yolanda yong
young youssef yu yui yuki yuko yulia yumi yuri yusuf yvette yvonne zachary zahra zaid zain zainab zanele
zawadi zbigniew zelda zhen zoey zofia zora zoya
`;

const LAST = `
abbott abboud abdallah abdelrahman abe abebe abernathy abrams abubakar acevedo acheampong ackerman acosta adam
adamczyk adams adamski adebayo adeleke adeyemi adkins adler agarwal agnew aguilar aguirre agyeman ahmadi ahmed
ahn akers akhtar albrecht albright aldridge alekseev alexander alford ali allen allison almeida alston
alvarado alvarez alves amato ames amoah amos andersen anderson ando andrade andreev andrews andrzejewski
ansari anthony aoki appiah appleby araujo archer arellano arias armijo armstrong arnaud arnett arnold arora
arriaga arrington arroyo arslan asante ashby ashley aslan assaf atkins atkinson atwood aubert aubry austin
avery avila awad ayala aydin ayers azevedo aziz ba babcock bacon bae baek bailey bailly bain baird bak baker
bakker balasubramanian baldwin ball ballard balogun bancroft banda banerjee banks bansal baptiste barajas
baran baranowski barber barbier barbieri barbosa barker barnes barnett baron barone barr barrera barrett
barrientos barrow bartlett barton basile bass bates batista battaglia bauer baumann bautista baxter beach
beard beasley beaty beaumont becerra beck becker begum beil bekele bell bellini bello benavides benedetti
benitez bennett benoit benson bentley berg berger bergmann bergstrom berman bermudez bernal bernard bernardi
bernstein berry bertin betancourt bhatia bhattacharya bhuiyan bianchi bianco bishop biswas bitar black
blackburn blackwell blair blake blanc blanchard blankenship blevins blum boateng bohm bolton bond bondarenko
bonilla bonnet booker boone booth borisov borkowski bos bose bosworth boucher bourgeois bourne bouvier bowden
bowen bowers bowles bowman boyd boyer boyko boyle bradford bradley bradshaw brady brandt braun bray brennan
brennen brewer brewster bridges briggs briscoe britt brock brockman bronson brooks broussard brouwer brown
browning bruce brun brunet bruno bryan bryant bryson brzezinski buchanan buck buckley bui bullock burch
burgess burgos burke burnett burnham burns burrell burton busch bush bustamante butler butt byers byrd byrne
cabrera cadena cahill cai cain calderon caldwell calhoun callahan calloway camacho camara camp campbell campos
cannon cantrell cantu cao caplan caputo carbone cardenas cardoso carey carlson carmichael carney caron
carpenter carpentier carr carrasco carre carrillo carroll carson carter caruso carvalho carver case casey cash
castaneda castellanos castillo castleberry castro cattaneo cavalcanti cavanaugh celik cervantes cetin cha
chakraborty chambers chan chandler chaney chang chapin chapman charles charpentier chase chatterjee chau
chaudhary chaudhry chauhan chavez chebet chen cheng cherry cheung chevalier chikwanha childers childress
chmielewski cho choi chopra choudhury chow christensen chu cieslak cisneros cisse clark clarke clay clayton
clement clements cline coates cobb cochran cody coelho coffey cohen colbert cole coleman colin collet collier
collins colombo colon conley conner conrad conte conti contreras conway cook cooper coppola corbett cordero
cordova corona correia cortes cortez costa costantini cotton coulibaly covington cox craig crane crawford
crosby cross crowley cruz cuellar cuevas culver cummings cummins cunha cunningham curry curtis czarnecki
czerwinski dabrowski dai dailey dale dalton daly damico dang dangelo daniel daniels danjuma darko darwish das
daugherty davenport davidson davis dawson day de-la-cruz dean deangelis decker dekker delacruz delaney deleon
delgado deluca demir dempsey deng denis dennis denton derosa desai desantis deschamps deshpande desir devine
devries diallo diamond dias diaz dickerson dickson dietrich dijkstra dillard dillon ding dinh diop dixon
dlamini do doan dodson dogan doherty dominguez donati dong donnelly donovan dorcelus dorsey dougherty douglas
downey downs doyle drake draper du dubey dubois duda dudek dudley duffy dufour dugan dumas dumont dunbar
duncan dunlap dunn dunne duong dupont dupuis dupuy duran durand durham dutta duval dyer eaton eckert edmonds
edwards egorov eisenberg elder elliott ellis ellison elsayed emerson endo engel england english ennis enriquez
epstein erickson eriksen eriksson escobar esparza espinosa espinoza esposito esquivel estrada etienne evans
everett eze ezeh fabbri fabre fahey fahmy fall farah farahani farias farina farley farmer farrell fathy
faulkner faure fedorov feldman felix feng fenton ferguson fernandes fernandez ferrara ferrari ferraro ferreira
ferrell ferretti ferri fields figueroa fils-aime finch fine fink finley fiore fischer fisher fishman
fitzgerald fitzpatrick flanagan fleming fletcher fleury flores flowers floyd flynn foley fong fontaine fontana
forbes ford forrest foster fowler fox francis franco francois frank franke franklin franks frazier freeman
freitas french frey friedman friedrich frolov frost fry fu fuchs fuentes fujii fujita fujiwara fukuda fuller
fulton gaillard gaines gajewski galindo gallagher gallardo gallegos galli gallo galvan gamal gamble ganesan
gao garay garcia gardner garner garnier garrett garrison garza gates gatti gauthier gautier gentile gentry
george gerard ghali ghorbani ghosh gibbs gibson gilbert gill gillespie gilliam giordano girard giraud girma
giuliani glass glenn glover glowacki godinez gold goldberg golden goldstein gomes gomez goncalves gonzaga
gonzales gonzalez goodman goodrich goodwin gordon gorski goto gould gowda goyal grabowski grady graf graham
granger grant grassi grasso graves gray greco green greenberg greene greenfield greer gregory griffin griffith
griffiths grigoriev grimes gross grossman guerin guerra guerrero guillaume guillot gunther guo gupta
gustafsson guthrie gutierrez guyot guzman ha haas habib haddad hadley hagen hahn haider hail haile hakim
halabi hale haley hall halsey halvorsen hamalainen hamdan hamed hamilton hamlin hammer hammond hampton han
hancock haney hansen hanson hara harada hardin harding hardison hardy hargrove harmon harper harrell
harrington harris harrison hart hartley hartman hartmann harvey hasegawa hashimoto haskins hassan hatfield
haugen hawkins hayashi hayden hayes haynes hays he head healy heath hebert hegde heinrich henderson hendricks
hendriks hendrix hennessy henry henson heo herman hernandez herrera herring herrmann herve hess hickman hicks
higgins hill hines hinton ho hoang hobbs hodge hodges hoffman hoffmann hofmann hogan hogue holcomb holden
holder holland hollis holloway holm holman holmes holt hong hood hooper hoover hopkins horn horne horowitz
horton hossain hosseini house houston howard howe howell hrytsenko hu huang hubbard huber hubert hudson huet
huff huffman hughes hull humphrey hunt hunter hurley hurst hussain hussein hutchinson huynh hwang hyde ibarra
ibrahim ikeda imai ingram inoue iqbal irwin ishida ishii ishikawa islam ismail ito ivanov iyengar iyer jaber
jablonski jackson jacobs jacobson jacquet jafari jager jain jakubowski james jang jankowski jansen jarvis
jasinski jaworski jean jean-baptiste jefferson jenkins jennings jensen jeon jeong jewell jiang jimenez jin
johansen johansson johnson johnston joly jones jonsson joo jordan jorgensen joseph joshi joyce juarez julien
jung kaiser kalinowski kamat kamau kaminski kane kaneko kang kannan kaplan kapoor kara karim karimi kariuki
karlsson kato katz kaufman kavanagh kaya kazemi kazmierczak keane kearney keita keith keller kelley kelly kemp
kendall kennedy kent kerr kessler key khalil khan khanna khoury khumalo kidd kilic kim kimani kimura king
kinney kiprop kiptoo kirby kirk klein kline knapp knight knowles knox ko kobayashi koc koch kohler kolodziej
konate kondo kone konig korhonen koskinen kovalchuk kovalenko kowalczyk kowalski kozlov kozlowski krajewski
kramer kraus krause kravchenko krawczyk krishnan kristensen krol kruger kubiak kucharski kudo kuhn kulkarni
kumar kurt kuznetsov kwak kwiatkowski kwok kwon lacroix lacy laine lam lamb lambert lancaster landry lane lang
lange langley lara larkin larsen larson larsson laskowski latham lau lawrence lawson le leach lebedev leblanc
lebrun leclerc leclercq lecomte lee lefebvre lefevre leger legrand lehmann lemaire lemoine leon leonard leone
lerner leroux leroy lester leung levchenko levi levine levy lewandowski lewis li liang lieberman lim lima lin
lindberg lindgren lindqvist lindsay lindsey lindstrom lis little liu livingston lloyd lo lockhart logan
lombardi lombardo long longo lopes lopez lorenz lott louie louis love lowe lowery lozada lozano lu lucas
lucero ludwig luna lundberg lundgren luo luong ly lynch lyon lyons lysenko ma macdonald machado macias
maciejewski mack madden maddox madsen maeda magana mahlangu mahmoud mahoney mahony mai maier maillard majewski
mak makarov makinen makowski maldonado malhotra malik malinowski malloy malone mancini mandal mann manning
mansour maples marchand marchenko marchetti marciniak marcus mariani marie marin marini marino markowitz marks
marlow marques marquez marrero marsh marshall martin martinelli martinez martini martino martins marty
maruyama mason masri masson mathieu mathis matsuda matsumoto matthews maxwell may maya mayer maynard mays
mazur mazurek mazza mbeki mcallister mcbride mccall mccann mccarthy mccarty mcclain mcclure mcconnell
mccormick mccoy mccullough mcdaniel mcdonald mcdowell mcfarland mcgee mcgrath mcguire mcintosh mcintyre mckay
mckee mckenzie mckinney mclaughlin mclean mcmahon mcmillan mcneil mcpherson meadows medeiros medina mehta
meier meijer mejia melnyk melton menard mendes mendez mendoza mengistu menon mensah mercado mercer merritt
messina meunier meyer meyers meza miah michael michalak michalski middleton mikhailov milani miles miller
millet mills mims miranda mishra mitchell mittal miura miyamoto miyazaki mohammadi mohammed mohan mokoena
molina moller monroe montalvo montanari monteiro montes montgomery monti montoya moody moon mooney moore mora
moradi morales moran moreau moreira morelli moreno moretti morgan mori morin morita moroz morozov morris
morrison morrow morse morton moses mosley moss moulin moura moyo mueller mukherjee mulder mullen muller
mulligan mullins munoz murakami murata murillo murphy murray murthy mustafa mutasa mutua mwangi myers nadler
naguib naik nair najjar nakagawa nakajima nakamura nakano nakayama nam nance naqvi narayanan nascimento nash
nasser natarajan navarro ndiaye ndlovu neal nelson neri neumann newman newton ng ngo nguyen nichols nicholson
nicolas nielsen nieminen nieto nieves nikitin nikolaev nilsson nishimura njoroge nkosi nnadi noble noel noh
nolan norman norris norton norwood novikov nowak nowakowski nowicki nunes nunez nwosu nystrom oakley obi
obiora obrien ocampo ochieng ochoa oconnor odhiambo ogawa ogunleye oh ohno okada okafor okamoto okonkwo okoye
olawale olivares oliveira oliver olivier oliynyk olsen olson olsson olszewski olvera omar omondi oneal oneill
ono onyango orlando orlov orozco ortega ortiz osborn osborne osei osman ostrowski osullivan ota otieno otto
ouattara owen owens owusu oyelowo ozdemir ozkan ozturk pace pacheco padgett padilla pagano page palmer
palmieri palumbo pan pandey paris parisi park parker parks parrish parsons pate patel patil patrick patterson
patton paul pavlenko pavlov pawlak pawlowski paxton payet payne pearson peck pedersen pellegrini pellegrino
pena peng pennington pereira perez perkins perlman perrin perrot perry person persson peters petersen peterson
petrenko petrov pettersson pfeiffer pham phan philippe phillips phiri picard pickett pierce pierre pietrzak
pillai pina pineda pinto piotrowski piras pittman pohl poirier pollack ponce poole pope popov porter potter
potts powell power powers pratt preston prevost price pruitt przybylski pugh qin quach quinn quintana quintero
quiroz qureshi rafferty rahimi rahman rajan ramachandran raman ramirez ramos ramsey randall randolph rangel
rao rasmussen ratliff ray raymond reddy reed reese reeves reid reilly reis ren renard renaud renault renteria
rey reyes reynolds rezaei rhodes ribeiro ricci rice rich richards richardson richmond richter riddle riley
rinaldi rios riva rivas rivera rivers riviere rizvi rizzi rizzo roach robbins roberts robertson robin robinson
robles rocha roche rodgers rodrigues rodriguez roger rogers rojas rolland rollins roman romano romanov romero
roper rosales rosario rosas rose rosen rosenberg rosenthal ross rossetti rossi roth rousseau roussel rowe
rowland roy royer rubin rucker rudenko ruggiero ruiz rush russell russo rutkowski rutledge ryan ryu saad
sabbagh sachs sadeghi sadowski saenz saha sahin said saito sakai sakamoto sala salas salazar saleh salem
salinas sampson sanchez sanders sandoval sanford sanna santana santiago santoro santos sargent sarkar sartori
sasaki sato sauer saunders savage savchenko sawicki sawyer saxena schaefer schmid schmidt schmitt schneider
schofield scholz schreiber schroder schroeder schulte schultz schulz schulze schumacher schuster schwartz
schwarz scott sears segura seidel sellers semenov sen seo sergeev serra serrano sethi sexton shaffer shah
shalaby shami shannon shapiro sharma sharp sharpe shaw shea sheehan sheikh shelton shen shepard shepherd
sheppard sherman shetty shevchenko shibata shields shimizu shin shipley shirley short siddiqui sidorov siegel
sikes sikora sikorski silva silverman silvestri simmons simms simon simpson sims simsek sinclair singer singh
siu skinner slater sloan small smirnov smit smith snow snyder soares sobczak sokol sokolov sokolowski solberg
soliman solis solomon soloviev sommer son song sorensen sorrentino sosa soto sousa souza sow sparks spears
spector spencer srinivasan srivastava stafford stanley stanton stark steele stein steinberg stepanov stephens
stepien sterling stern stevens stevenson stewart stokes stone stout strand strauss strickland strong stuart su
suarez subramanian sullivan sultan summers sumner sun sundaram sung sutherland sutton suzuki svensson swanson
sweeney sylla szczepanski szewczyk szulc szymanski szymczak ta tadesse takada takagi takahashi takeda takeuchi
talley tam tamura tan tanaka tang taniguchi tanner tapia tate taylor tehrani teixeira terrell terry tesfaye
testa thai thakur thibault thomas thompson thornton tian tierney tillman tiwari tkachenko tobin todd
tomaszewski tong torres toure toussaint tovar townsend tran traore travis trevino trinh trivedi trujillo
truong tsang tse tubbs tucker turner tuttle tyler tyson uchida uddin ueda underwood upton urbanski urbina
valdez valencia valentine valentini valenzuela valle vance vandenberg vanderberg vanderveen vandyke vang
varela vargas vasiliev vasquez vasseur vaughn vazquez vega velasquez velazquez venkatesan vera verma vidal
vieira villa villanueva villarreal vincent virtanen visser vitale vitali vo vogel vogt voigt volkov vorobiev
vos vu vuong wada wade wagner walczak walker wall wallace waller walls walsh walter walters walton wan wang
wanjiku ward ware warner warren washburn washington wasilewski wasserman watanabe waterman waters watkins
watson watt watts weaver webb weber webster weeks wei weinberg weinstein weiss welch wells werner west wheeler
whelan whitaker white whitfield whitley wieczorek wiggins wilcox wilder wiley wilk wilkerson wilkins wilkinson
williams williamson willis wilson winkler winter winters wise wisniewski witkowski witt wlodarczyk wojcik
wolde wolf wolfe wolff wong woo wood woodard woods woodward workman wozniak wright wroblewski wu wyatt wysocki
xiao xie xu yadav yakovenko yakovlev yamada yamaguchi yamamoto yamashita yamazaki yang yao yassin yates ye yee
yeung yildirim yildiz yilmaz yip yoder yokoyama yoo yoon york yoshida young youssef yu yuan yun yusuf zaidi
zaitsev zajac zakharov zaki zakrzewski zalewski zamora zapata zavala zawadzki zeng zhang zhao zheng zhong zhou
zhu ziegler zielinski zimmerman zimmermann ziolkowski zucker zulu zuniga
`;

let firstSet: ReadonlySet<string> | undefined;
let lastSet: ReadonlySet<string> | undefined;

function toSet(s: string): ReadonlySet<string> {
  return new Set(s.split(/\s+/).filter(Boolean));
}

/** Is this lower-case word a common given name? */
export function isFirstName(word: string): boolean {
  firstSet ??= toSet(FIRST);
  return firstSet.has(word);
}

/** Is this lower-case word a common surname? */
export function isSurname(word: string): boolean {
  lastSet ??= toSet(LAST);
  return lastSet.has(word);
}
